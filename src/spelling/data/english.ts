/**
 * English words that Indonesian office documents use as they are (survey, printer, workshop,
 * online). An English word spelled correctly in English is not a spelling variant (output
 * contract), and many sit one letter away from an Indonesian word (printer/pinter,
 * patrol/patroli), so they must be known. Hand-made, lower case.
 */
const WORDS = `
a an the of and or for to in on at by with from as is are be this that it not no yes all new
online offline website web site email mail internet intranet wifi hotspot router modem server
network database data software hardware update upgrade download upload login logout password
account user admin administrator input output outcome outcomes impact benefit benchmark
computer komputer laptop notebook netbook tablet printer scanner projector proyektor screen
monitor keyboard mouse speaker microphone mic camera handycam handphone smartphone phone
gadget flashdisk harddisk disk drive cartridge toner ink tinta paper photocopy copy print
printing fotocopy photo file files folder filing filling hardcopy softcopy scan
survey index social public private service services centre center office desk room hall
workshop seminar training coaching clinic meeting briefing sharing session forum talkshow
event festival carnival expo city smart green clean safe good governance government open
award awards reward performance report reporting planning budget budgeting procurement
monitoring evaluation review audit assessment tracking dashboard checklist deadline
leadership management manager leader team teamwork member staff crew
snack coffee break lunch dinner catering
patrol security driver cleaning cleaner office boy girl outsourcing
asset assets stock inventory logistic logistics supply supplies
banner billboard baliho leaflet flyer brochure booklet poster sticker backdrop stand booth
tag tagline brand branding logo design layout editing video audio sound system
mobile app apps application platform portal channel media social youtube facebook
instagram twitter whatsapp telegram zoom meet podcast streaming live
real time full day half one stop single window call helpdesk help desk hotline
e-government egovernment e-budgeting e-planning e-procurement e-katalog e-kinerja
e-office e-ktp ktp-el e-money e-commerce
check cek point counter front back end top down bottom up
standard standar quality control safety health
pilot project programme program model mapping map gis gps
best practice practices lesson learned feedback follow up
on the job off job job desk jobdesk description
`;

/** The list as a set, lower case. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
