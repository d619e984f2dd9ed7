/**
 * NIP (Nomor Induk Pegawai) decoding. A civil servant's NIP is 18 digits:
 *   1–8  birth date YYYYMMDD, 9–14 appointment (TMT CPNS) YYYYMM, 15 sex (1 = L, 2 = P),
 *   16–18 serial number.
 * Signature blocks print it in groups ("NIP. 19740807 200801 1 010"); the contract stores digits only.
 */
import { isRealDate, toIsoDate } from '../dates/calendar.js';

export interface NipInfo {
  /** The NIP as digits only; null when the input holds no digits or holds other characters. */
  digits: string | null;
  /** Birth date (ISO) from digits 1–8; null when not 18 digits or not a real date. */
  birthDate: string | null;
  /** Appointment year and month from digits 9–14; null when not 18 digits or the month is not 1–12. */
  appointment: { year: number; month: number } | null;
  /** Sex from digit 15; null when not 18 digits or the digit is not 1 or 2. */
  sex: 'L' | 'P' | null;
  /** Human-readable reasons why the NIP is impossible; [] for a valid NIP. */
  problems: string[];
}

/** Number of digits of a NIP. */
export const NIP_LENGTH = 18;

/** Earliest plausible birth year of a serving or retired civil servant; earlier reads as a typo. */
export const MIN_BIRTH_YEAR = 1900;

/** Minimum age at appointment as a civil servant (CPNS), in years. */
export const MIN_APPOINTMENT_AGE = 18;

/** Longest text that extractNip looks at; a signature line is far shorter. */
const MAX_NIP_LINE_CHARS = 500;

/** A leading "NIP", "NIP.", "NIP :", "Nip." label. */
const NIP_LABEL = /^\s*nip\b\s*[.:]*\s*/i;

/** Separators printed between the groups of a NIP. */
const NIP_SEPARATORS = /[\s.-]+/g;

export function decodeNip(raw: string): NipInfo {
  const compact = raw.replace(NIP_LABEL, '').replace(NIP_SEPARATORS, '');
  const empty: NipInfo = { digits: null, birthDate: null, appointment: null, sex: null, problems: [] };
  if (compact === '') return { ...empty, problems: ['it holds no digits'] };
  if (!/^\d+$/.test(compact)) {
    return { ...empty, problems: [`"${compact}" holds characters other than digits`] };
  }
  if (compact.length !== NIP_LENGTH) {
    return { ...empty, digits: compact, problems: [`it has ${compact.length} digits, not ${NIP_LENGTH}`] };
  }

  const problems: string[] = [];
  const by = Number(compact.slice(0, 4));
  const bm = Number(compact.slice(4, 6));
  const bd = Number(compact.slice(6, 8));
  let birthDate: string | null = null;
  if (by < MIN_BIRTH_YEAR || !isRealDate(by, bm, bd)) {
    problems.push(`birth date ${compact.slice(0, 8)} (digits 1–8) is not a real date`);
  } else {
    birthDate = toIsoDate(by, bm, bd);
  }

  const ay = Number(compact.slice(8, 12));
  const am = Number(compact.slice(12, 14));
  let appointment: { year: number; month: number } | null = null;
  if (am < 1 || am > 12) {
    problems.push(`appointment month ${compact.slice(12, 14)} (digits 13–14) is not 1–12`);
  } else {
    appointment = { year: ay, month: am };
    // Compared at month precision: the NIP has no appointment day.
    if (birthDate !== null && ay * 12 + am < (by + MIN_APPOINTMENT_AGE) * 12 + bm) {
      problems.push(
        `appointment ${compact.slice(8, 14)} (digits 9–14) is before the ${MIN_APPOINTMENT_AGE}th birthday`,
      );
    }
  }

  const sexDigit = compact.charAt(14);
  const sex = sexDigit === '1' ? 'L' : sexDigit === '2' ? 'P' : null;
  if (sex === null) problems.push(`sex digit ${sexDigit} (digit 15) is not 1 or 2`);

  return { digits: compact, birthDate, appointment, sex, problems };
}

/** "NIP. 19660122 198603 1 014", "NIP : 1966…", "Nip.1966…": the label, then digits in groups. */
const LABELLED_NIP = /\bnip\b\s*[.:]*\s*(\d[\d .]{0,40})/i;

/** A line that is nothing but a NIP in its printed groups (8 6 1 3), without the label. */
const BARE_NIP = /^\s*[*_]*\s*(\d{8}\s?\d{6}\s?\d\s?\d{3})\s*[*_]*\s*$/;

/**
 * The NIP printed in a signature line, digits only; null when the line shows none. A labelled
 * number is returned even when it is not 18 digits, so that INVALID_NIP can report it.
 */
export function extractNip(line: string): string | null {
  const text = line.slice(0, MAX_NIP_LINE_CHARS);
  const labelled = LABELLED_NIP.exec(text);
  if (labelled?.[1] !== undefined) return labelled[1].replace(/\D/g, '');
  const bare = BARE_NIP.exec(text);
  if (bare?.[1] !== undefined) return bare[1].replace(/\D/g, '');
  return null;
}
