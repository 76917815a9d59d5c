//! `Timestamp`: a `format: date-time` value as AWS JSON puts it on the wire.
//!
//! AWS JSON 1.1 writes timestamps as epoch seconds in a JSON number (`1700000000.123`), not
//! as RFC 3339 text. The value is kept as the `f64` the wire carried so that sub-second
//! precision survives a round trip exactly: an integral value is written back as an integer,
//! a fractional one with the shortest digits that read back the same.

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
    /// RFC 3339 in UTC, e.g. `2023-11-14T22:13:20.123Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.seconds.is_finite() || self.seconds.abs() > 1e15 {
            return write!(f, "{}", self.seconds);
        }
        let mut secs = self.secs();
        let mut micros = ((self.seconds - secs as f64) * 1_000_000.0).round() as i64;
        if micros >= 1_000_000 {
            secs += 1;
            micros -= 1_000_000;
        }
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        )?;
        if micros > 0 {
            let mut frac = format!("{micros:06}");
            while frac.ends_with('0') {
                frac.pop();
            }
            write!(f, ".{frac}")?;
        }
        f.write_str("Z")
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.seconds;
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
    fn parts() {
        let t = Timestamp::from_epoch_seconds(1700000000.123);
        assert_eq!(t.secs(), 1_700_000_000);
        assert_eq!(t.subsec_nanos(), 123_000_000);
        let back: Timestamp = t.to_system_time().into();
        assert!((back.epoch_seconds() - t.epoch_seconds()).abs() < 1e-6);
    }
}
