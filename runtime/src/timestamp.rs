//! `Timestamp`: a point in time as the AWS JSON wire carries it.
//!
//! AWS JSON writes timestamps as epoch seconds in a JSON number (`1700000000.123`) unless the
//! model gives the member another `timestampFormat`: `iso8601` (RFC 3339 text,
//! `"2016-09-30T21:29:26.928Z"`) or `rfc822`/`http-date` (RFC 7231 IMF-fixdate text,
//! `"Wed, 30 Sep 2016 21:29:26 GMT"`). The value is kept as the `f64` of epoch seconds the
//! wire carries, so sub-second precision survives a round trip exactly in every format: an
//! integral value is written back as an integer, a fractional one with the shortest digits
//! that read back the same (in text formats, to the nanosecond).
//!
//! The text formats are parsed and written here rather than by a date crate: the grammar
//! is small, and the conversion has to go through the same decimal digits as the epoch
//! form for values to round-trip bit for bit, which general-purpose date types (seconds and
//! nanoseconds) do not do.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;

/// A point in time, stored as seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Timestamp {
    seconds: f64,
}

/// Largest integer an `f64` holds exactly (2^53).
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

impl Timestamp {
    /// The Unix epoch, `1970-01-01T00:00:00Z`.
    pub const UNIX_EPOCH: Timestamp = Timestamp { seconds: 0.0 };

    /// From epoch seconds with a fractional part, as on the wire.
    pub const fn from_epoch_seconds(seconds: f64) -> Self {
        Timestamp { seconds }
    }

    /// From whole epoch seconds.
    pub const fn from_secs(seconds: i64) -> Self {
        Timestamp {
            seconds: seconds as f64,
        }
    }

    /// From epoch milliseconds.
    pub fn from_millis(millis: i64) -> Self {
        Timestamp {
            seconds: millis as f64 / 1000.0,
        }
    }

    /// The current time.
    pub fn now() -> Self {
        SystemTime::now().into()
    }

    /// Seconds since the epoch, with the fraction.
    pub const fn epoch_seconds(self) -> f64 {
        self.seconds
    }

    /// Whole seconds since the epoch (rounded down).
    pub fn secs(self) -> i64 {
        self.seconds.floor() as i64
    }

    /// The sub-second part in nanoseconds, rounded to the microsecond (what an `f64` of
    /// epoch seconds can carry).
    pub fn subsec_nanos(self) -> u32 {
        let frac = self.seconds - self.seconds.floor();
        let micros = (frac * 1_000_000.0).round() as u32;
        micros.min(999_999) * 1000
    }

    /// The same instant as a `SystemTime`.
    pub fn to_system_time(self) -> SystemTime {
        if self.seconds >= 0.0 {
            UNIX_EPOCH + Duration::from_secs_f64(self.seconds)
        } else {
            UNIX_EPOCH - Duration::from_secs_f64(-self.seconds)
        }
    }
}

impl From<SystemTime> for Timestamp {
    fn from(t: SystemTime) -> Self {
        match t.duration_since(UNIX_EPOCH) {
            Ok(d) => Timestamp {
                seconds: d.as_secs_f64(),
            },
            Err(e) => Timestamp {
                seconds: -e.duration().as_secs_f64(),
            },
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's algorithm, exact for the whole i64 day range we can produce.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, e.g. `2023-11-14T22:13:20.123Z` (as `iso8601` members are written);
    /// the epoch seconds themselves when the year is outside 0000 to 9999.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.write_rfc3339(f) {
            Ok(result) => result,
            Err(_) => write!(f, "{}", self.seconds),
        }
    }
}

/// Why a timestamp could not be read from or written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimestampError {
    what: &'static str,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
}

impl std::error::Error for TimestampError {}

const NOT_RFC3339: TimestampError = TimestampError {
    what: "not an RFC 3339 date-time (such as 2016-09-30T21:29:26.928Z)",
};
const NOT_HTTP_DATE: TimestampError = TimestampError {
    what: "not an HTTP date (such as Fri, 30 Sep 2016 21:29:26 GMT)",
};
const OUT_OF_RANGE: TimestampError = TimestampError {
    what: "the timestamp is outside the years 0000 to 9999, which dates in text cannot write",
};

/// Whole seconds from 0000-01-01T00:00:00Z to 10000-01-01T00:00:00Z, relative to the epoch.
const FIRST_SECOND: i64 = -62_167_219_200;
const END_SECOND: i64 = 253_402_300_800;

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A proleptic Gregorian date to days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whole seconds (rounded down) and the fraction's digits of `seconds`, from the shortest
/// decimal that reads back as the same `f64`: `(secs, nanos, digits)` where `digits` (0 to
/// 9) is how many fraction digits matter. Beyond nine digits the fraction is rounded to the
/// nanosecond.
fn split(seconds: f64) -> Option<(i64, u32, u32)> {
    if !seconds.is_finite() || seconds.abs() >= 1e15 {
        return None;
    }
    // `Display` of an `f64` is its shortest round-trip decimal, never in exponent form.
    let text = format!("{}", seconds.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut secs: i64 = int.parse().ok()?;
    let mut nanos: u32 = 0;
    for (i, d) in frac.bytes().take(9).enumerate() {
        nanos += u32::from(d - b'0') * 10u32.pow(8 - i as u32);
    }
    if frac.len() > 9 && frac.as_bytes()[9] >= b'5' {
        nanos += 1;
        if nanos == 1_000_000_000 {
            nanos = 0;
            secs += 1;
        }
    }
    if seconds < 0.0 && nanos > 0 {
        // Rounded down: -0.25 is -1 and 0.75.
        secs = -secs - 1;
        nanos = 1_000_000_000 - nanos;
    } else if seconds < 0.0 {
        secs = -secs;
    }
    let mut digits = 9;
    let mut rest = nanos;
    while digits > 0 && rest.is_multiple_of(10) {
        rest /= 10;
        digits -= 1;
    }
    Some((secs, nanos, digits))
}

/// Writes `.ddd` with the `digits` significant digits of `nanos`, or nothing.
fn write_fraction(out: &mut impl fmt::Write, nanos: u32, digits: u32) -> fmt::Result {
    if digits == 0 {
        return Ok(());
    }
    let value = nanos / 10u32.pow(9 - digits);
    write!(out, ".{value:0width$}", width = digits as usize)
}

/// Epoch seconds from whole seconds and the fraction's decimal digits (ASCII digits, any
/// number of them), correctly rounded, the same way the epoch form is read.
fn from_parts(whole: i64, fraction: &str) -> f64 {
    if fraction.bytes().all(|b| b == b'0') {
        return whole as f64;
    }
    let mut text = String::with_capacity(24 + fraction.len());
    if whole >= 0 {
        text.push_str(&whole.to_string());
        text.push('.');
        text.push_str(fraction);
    } else {
        // whole + 0.f = -((-whole - 1) + (1 - 0.f)): the fraction's ten's complement.
        text.push('-');
        text.push_str(&(-whole - 1).to_string());
        text.push('.');
        let last = fraction.bytes().rposition(|b| b != b'0').unwrap_or(0);
        for (i, d) in fraction.bytes().enumerate() {
            let d = d - b'0';
            text.push(char::from(match i.cmp(&last) {
                std::cmp::Ordering::Less => b'0' + 9 - d,
                std::cmp::Ordering::Equal => b'0' + 10 - d,
                std::cmp::Ordering::Greater => b'0',
            }));
        }
    }
    text.parse().unwrap_or(f64::NAN)
}

/// `n` ASCII digits at `at` as a number.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = bytes.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// `HH:MM:SS` at `at`, then an optional fraction: the seconds of the day and the
/// fraction's digits, and where they end.
fn time_of_day(text: &str, at: usize) -> Option<(i64, &str, usize)> {
    let b = text.as_bytes();
    let hour = digits(b, at, 2)?;
    let minute = digits(b, at + 3, 2)?;
    let second = digits(b, at + 6, 2)?;
    if b.get(at + 2) != Some(&b':') || b.get(at + 5) != Some(&b':') {
        return None;
    }
    // A leap second (`:60`) has no epoch value of its own, so it is refused rather than
    // moved to another second.
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut end = at + 8;
    let mut fraction = "";
    if b.get(end) == Some(&b'.') {
        let len = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if len == 0 {
            return None;
        }
        fraction = &text[end + 1..end + 1 + len];
        end += 1 + len;
    }
    let secs = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    Some((secs, fraction, end))
}

/// A date at `at` checked against the calendar: days since the epoch.
fn date(y: u32, m: u32, d: u32) -> Option<i64> {
    let y = i64::from(y);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

impl Timestamp {
    /// Reads RFC 3339 text (`2016-09-30T21:29:26.928Z`, `2016-09-30T23:29:26+02:00`), the
    /// `iso8601` format of AWS models: `T` or `t`, a fraction of any length, and `Z`, `z`
    /// or a `±HH:MM` offset. Leap seconds (`:60`) are refused.
    pub fn parse_rfc3339(text: &str) -> Result<Timestamp, TimestampError> {
        let b = text.as_bytes();
        let parsed = (|| {
            let (y, m, d) = (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?);
            if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
                return None;
            }
            if !matches!(b.get(10), Some(b'T' | b't')) {
                return None;
            }
            let days = date(y, m, d)?;
            let (time, fraction, end) = time_of_day(text, 11)?;
            let offset = match b.get(end..)? {
                [b'Z' | b'z'] => 0,
                [sign @ (b'+' | b'-'), rest @ ..] if rest.len() == 5 && rest[2] == b':' => {
                    let (h, m) = (digits(rest, 0, 2)?, digits(rest, 3, 2)?);
                    if h > 23 || m > 59 {
                        return None;
                    }
                    let offset = i64::from(h) * 3600 + i64::from(m) * 60;
                    if *sign == b'-' { -offset } else { offset }
                }
                _ => return None,
            };
            Some(from_parts(days * 86_400 + time - offset, fraction))
        })();
        parsed.map(Timestamp::from_epoch_seconds).ok_or(NOT_RFC3339)
    }

    /// Writes RFC 3339 text in UTC with the shortest fraction that reads back the same
    /// (`2016-09-30T21:29:26.928Z`); an error outside the years 0000 to 9999.
    pub fn to_rfc3339(&self) -> Result<String, TimestampError> {
        let mut out = String::with_capacity(32);
        match self.write_rfc3339(&mut out) {
            Ok(_) => Ok(out),
            Err(e) => Err(e),
        }
    }

    fn write_rfc3339(&self, out: &mut impl fmt::Write) -> Result<fmt::Result, TimestampError> {
        let (secs, nanos, n) = self.checked_split()?;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400);
        Ok((|| {
            write!(
                out,
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
                rem / 3600,
                rem % 3600 / 60,
                rem % 60
            )?;
            write_fraction(out, nanos, n)?;
            out.write_char('Z')
        })())
    }

    /// Reads an HTTP date in the IMF-fixdate form of RFC 7231 (`Fri, 30 Sep 2016 21:29:26
    /// GMT`), the `rfc822`/`http-date` format of AWS models. A fraction of a second after
    /// the seconds (`21:29:26.928`) is read too, as Smithy's protocol tests write it; a
    /// weekday that does not match the date is refused.
    pub fn parse_http_date(text: &str) -> Result<Timestamp, TimestampError> {
        let b = text.as_bytes();
        let parsed = (|| {
            let weekday = WEEKDAYS
                .iter()
                .position(|w| b.get(..3) == Some(w.as_bytes()))?;
            if b.get(3..5) != Some(b", ") || b.get(7) != Some(&b' ') || b.get(11) != Some(&b' ') {
                return None;
            }
            let day = digits(b, 5, 2)?;
            let month = MONTHS
                .iter()
                .position(|m| b.get(8..11) == Some(m.as_bytes()))?;
            let year = digits(b, 12, 4)?;
            if b.get(16) != Some(&b' ') {
                return None;
            }
            let days = date(year, month as u32 + 1, day)?;
            if (days + 4).rem_euclid(7) as usize != weekday {
                return None;
            }
            let (time, fraction, end) = time_of_day(text, 17)?;
            if b.get(end..) != Some(b" GMT") {
                return None;
            }
            Some(from_parts(days * 86_400 + time, fraction))
        })();
        parsed
            .map(Timestamp::from_epoch_seconds)
            .ok_or(NOT_HTTP_DATE)
    }

    /// Writes an HTTP date (IMF-fixdate, `Fri, 30 Sep 2016 21:29:26 GMT`). A fraction of a
    /// second, which the form has no place for, is written after the seconds
    /// (`21:29:26.5`) rather than dropped; an error outside the years 0000 to 9999.
    pub fn to_http_date(&self) -> Result<String, TimestampError> {
        let (secs, nanos, n) = self.checked_split()?;
        let days = secs.div_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let rem = secs.rem_euclid(86_400);
        let mut out = format!(
            "{}, {d:02} {} {y:04} {:02}:{:02}:{:02}",
            WEEKDAYS[(days + 4).rem_euclid(7) as usize],
            MONTHS[(m - 1) as usize],
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        );
        // Writing to a `String` cannot fail.
        let _ = write_fraction(&mut out, nanos, n);
        out.push_str(" GMT");
        Ok(out)
    }

    /// Whole seconds, nanoseconds and fraction digits, within the years text can write.
    fn checked_split(&self) -> Result<(i64, u32, u32), TimestampError> {
        match split(self.seconds) {
            Some(parts) if (FIRST_SECOND..END_SECOND).contains(&parts.0) => Ok(parts),
            _ => Err(OUT_OF_RANGE),
        }
    }
}

impl serde::Serialize for Timestamp {
    /// Epoch seconds; an error for a value that is not finite, which JSON cannot carry (it
    /// would otherwise be written as `null`, silently).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.seconds;
        if !s.is_finite() {
            return Err(serde::ser::Error::custom(
                "a timestamp must be finite to be written as epoch seconds",
            ));
        }
        if s.fract() == 0.0 && s.abs() < EXACT_INT {
            serializer.serialize_i64(s as i64)
        } else {
            serializer.serialize_f64(s)
        }
    }
}

struct EpochVisitor;

impl Visitor<'_> for EpochVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp in epoch seconds (a JSON number)")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        Ok(Timestamp { seconds: v as f64 })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        Ok(Timestamp { seconds: v as f64 })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        Ok(Timestamp { seconds: v })
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_f64(EpochVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_wire_form() {
        for text in [
            "1700000000.123",
            "1700000000",
            "0",
            "-1.5",
            "1700000000.000001",
        ] {
            let t: Timestamp = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), text);
        }
    }

    #[test]
    fn rejects_strings() {
        let e = serde_json::from_str::<Timestamp>("\"2023-01-01T00:00:00Z\"").unwrap_err();
        assert!(e.to_string().contains("epoch seconds"), "{e}");
    }

    #[test]
    fn displays_rfc3339() {
        assert_eq!(
            Timestamp::from_epoch_seconds(1700000000.123).to_string(),
            "2023-11-14T22:13:20.123Z"
        );
        assert_eq!(Timestamp::from_secs(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::from_epoch_seconds(-0.5).to_string(),
            "1969-12-31T23:59:59.5Z"
        );
        assert_eq!(
            Timestamp::from_secs(951_782_400).to_string(),
            "2000-02-29T00:00:00Z"
        );
    }

    #[test]
    fn rfc3339_round_trips() {
        for text in [
            "2016-09-30T21:29:26.928Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "1969-12-31T23:59:58.75Z",
            "2016-09-30T21:29:26.123456Z",
            "2000-02-29T00:00:00.000001Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
        ] {
            let t = Timestamp::parse_rfc3339(text).unwrap();
            assert_eq!(t.to_rfc3339().unwrap(), text);
            assert_eq!(t.to_string(), text);
        }
        let t = Timestamp::parse_rfc3339("2016-09-30T21:29:26.928Z").unwrap();
        assert_eq!(t.epoch_seconds().to_bits(), 1475270966.928_f64.to_bits());
        assert_eq!(
            Timestamp::parse_rfc3339("1969-12-31T23:59:58.75Z").unwrap(),
            Timestamp::from_epoch_seconds(-1.25)
        );
        // Offsets and lower case; trailing zeros of the fraction are not kept.
        for same in [
            "2016-09-30T23:29:26.928+02:00",
            "2016-09-30T20:59:26.928-00:30",
            "2016-09-30t21:29:26.928z",
            "2016-09-30T21:29:26.928000Z",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(same).unwrap(), t, "{same}");
        }
        // Nanoseconds survive as far as an `f64` of epoch seconds holds them.
        let t = Timestamp::parse_rfc3339("2024-02-29T12:00:00.123456789Z").unwrap();
        let back = Timestamp::parse_rfc3339(&t.to_rfc3339().unwrap()).unwrap();
        assert_eq!(back.epoch_seconds().to_bits(), t.epoch_seconds().to_bits());
    }

    #[test]
    fn rfc3339_refusals() {
        for bad in [
            "",
            "2016-09-30",
            "2016-09-30T21:29:26",
            "2016-09-30 21:29:26Z",
            "2016-02-30T00:00:00Z",
            "2015-02-29T00:00:00Z",
            "2016-13-01T00:00:00Z",
            "2016-09-30T24:00:00Z",
            "2016-09-30T23:60:00Z",
            "2016-12-31T23:59:60Z",
            "2016-09-30T21:29:26.Z",
            "2016-09-30T21:29:26.928",
            "2016-09-30T21:29:26.928+0200",
            "2016-09-30T21:29:26.928+24:00",
            "2016-9-30T21:29:26Z",
            "+2016-09-30T21:29:26Z",
            "2016-09-30T21:29:26Z ",
            "2016-09-30T21:29:26ZZ",
            "１９７０-01-01T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(bad), Err(NOT_RFC3339), "{bad:?}");
        }
        assert_eq!(
            Timestamp::from_epoch_seconds(1e13).to_rfc3339(),
            Err(OUT_OF_RANGE)
        );
        assert!(
            Timestamp::from_epoch_seconds(f64::NAN)
                .to_rfc3339()
                .is_err()
        );
        assert_eq!(
            Timestamp::from_epoch_seconds(1e13).to_string(),
            "10000000000000"
        );
    }

    #[test]
    fn http_dates() {
        for text in [
            "Fri, 30 Sep 2016 21:29:26 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            "Wed, 31 Dec 1969 23:59:59.5 GMT",
            "Tue, 29 Feb 2000 12:00:00.123 GMT",
        ] {
            let t = Timestamp::parse_http_date(text).unwrap();
            assert_eq!(t.to_http_date().unwrap(), text);
        }
        assert_eq!(
            Timestamp::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap(),
            Timestamp::from_secs(784_111_777)
        );
        for bad in [
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 31 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(
                Timestamp::parse_http_date(bad),
                Err(NOT_HTTP_DATE),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn non_finite_values_are_not_written() {
        assert!(serde_json::to_string(&Timestamp::from_epoch_seconds(f64::NAN)).is_err());
        assert!(serde_json::to_string(&Timestamp::from_epoch_seconds(f64::INFINITY)).is_err());
    }

    #[test]
    fn parts() {
        let t = Timestamp::from_epoch_seconds(1700000000.123);
        assert_eq!(t.secs(), 1_700_000_000);
        assert_eq!(t.subsec_nanos(), 123_000_000);
        let back: Timestamp = t.to_system_time().into();
        assert!((back.epoch_seconds() - t.epoch_seconds()).abs() < 1e-6);
    }
}
