/**
 * Government and domain vocabulary of Indonesian regional offices that the hunspell-id
 * dictionary lacks: abbreviations written as words (Musrenbang, Linmas, Bimtek), programme and
 * institution names, administrative jargon and standard words missing from the dictionary.
 * A word listed here is never flagged. Hand-made, lower case; hyphenated forms are split by the
 * tokenizer, so only their parts need to be here.
 */
const WORDS = `
musrenbang musrenbangdes musrenbangdesa musrenbangkel musrenbangcam musrenbangda musrenbangnas
musdes musdus muskel musdesus pramusrenbang rembuk stunting
siskamling poskamling kamling ronda linmas satlinmas hansip trantib trantibum trantibmas
kamtibmas satpol pamong praja polpp tibum gakda gakkum
tupoksi monev sarpras bimtek diklat diklatpim diklatpin latsar prajabatan orientasi
posyandu posbindu poskesdes polindes pustu puskesmas pusling paud kober tpa tpq tka tkq mda
raskin rastra bpnt pkh kis kip kks jamkesmas jamkesda bpjs jkn pbi dtks bdt simpus
apbdes apbdesa rpjmdes rkpdes apbd apbn apbdp dau dak dbh add silpa sisa
lakip sakip lkjip lkip lppd lkpj ilppd renstra renja rka rkpd rpjmd rpjpd rpjmn dpa dppa
rkt iku iki skp ekinerja spj spp spm sp2d bku simda sipd sirup lpse ukpbj ulp pbj atk bmd kib
sekcam kasi kasie kasubag kasubbag kabag kabid kadis kades kadus kaur kasun kakon sekdes sekkel
sekda asisten staf honorer ptt thl pppk cpns pns asn tkk
kapolsek danramil babinsa bhabinkamtibmas babinkamtibmas koramil polsek muspika forkopimcam
ormas lsm kpm bumdes bumdesa bumdes karang taruna pokdarwis pokmas gapoktan poktan kwt ppl
ipoleksosbud kesbangpol fkdm fkub fpk wasnas
paten pelayanan ektp ktp kia akta capil dukcapil disdukcapil adminduk simduk siak nik nkk
pbb pad bphtb imb pbg siup situ tdp nib iumk oss umkm ukm ikm skm ikd kipd
paskibra paskibraka mtq stq lptq tilawah qori qoriah majelis taklim risma hbh
pemilu pilkada pilkades pileg pilpres kpps pps ppk panwas panwascam bawaslu kpu tps dpt coklit
jamban sanitasi ods odf stbm pamsimas kotaku pnpm padat karya tmmd bbgrm hkg
pkk dasawisma dawis kader tp
akuntabel akuntabilitas kebencanaan penatausahaan keprotokoleran keprotokolan protokoler
ketentraman tentram jender gender meubelair mebeler meubeler sosialisasi terealisasi
fasilitator evaluator verifikator kompeten berkompeten efektivitas efisiensi transparansi
partisipatif responsif inovatif inovasi kolaborasi sinergi sinergitas koordinatif
optimalisasi revitalisasi digitalisasi standardisasi harmonisasi sertifikasi verifikasi
validasi legalisasi pendataan terdata tertata terlayani terfasilitasi terverifikasi
tervalidasi terintegrasi terkoordinasi teradministrasi inventarisasi inventaris
pengoordinasian mengoordinasikan dikoordinasikan terkoordinir koordinator
royong gotong bulbak bhakti bakti sapta pesona adipura adiwiyata proklim
kepemudaan keolahragaan kepramukaan pramuka saka
kelurahan kecamatan kabupaten kotamadya pemkab pemkot pemprov pemdes pemdes
perda perbup perwali pergub perkada permendagri permenpan kepmen kepbup kepwal kepgub
sop spm sotk anjab abk evjab infojab
prognosis semesteran triwulan triwulanan caturwulan bulanan tahunan
`;

/** The list as a set, lower case. */
export const DOMAIN_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
