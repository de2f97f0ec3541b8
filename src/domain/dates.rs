//! Date helpers shared by the domain: the one strict `YYYY-MM-DD` reading used by
//! files, forms and `--today`, serde formats with plain error messages, and the
//! relative dates (`today`, `+7d`, `-2w`, `+1m`, `+1y`) that forms and `--today`
//! accept.

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};

/// The on-disk date format, also what the UI shows.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// The years a date may fall in. Anything outside is a typo (`0026-07-01`), and
/// keeping every date in four digits keeps `YYYY-MM-DD` the only form ever written.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not the shape `YYYY-MM-DD` (e.g. `2026-7-1`, `1 Sept`).
    Shape,
    /// The shape is right but the year is outside `FIRST_YEAR..=LAST_YEAR`.
    Year(i32),
    /// The shape is right but there is no such day (`2026-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => write!(f, "not a date written as YYYY-MM-DD"),
            DateError::Year(year) => write!(f, "year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"),
            DateError::NoSuchDay => write!(f, "no such day in the calendar"),
        }
    }
}

/// Reads exactly `YYYY-MM-DD`: four-digit year from 1900 to 2200, two-digit month
/// and day. chrono's `%Y-%m-%d` also takes `2026-7-1` and `-001-01-01`, which a save
/// would then rewrite in another form, so it is not used for reading.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(at, byte)| at == 4 || at == 7 || byte.is_ascii_digit());
    if !shaped {
        return Err(DateError::Shape);
    }
    let number = |range: std::ops::Range<usize>| {
        text[range]
            .bytes()
            .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'))
    };
    // Four digits at most: always fits.
    let year = i32::try_from(number(0..4)).unwrap_or(i32::MAX);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(DateError::Year(year));
    }
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)).ok_or(DateError::NoSuchDay)
}

/// Whether a date can be written and read back as `YYYY-MM-DD`.
pub fn in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// `date` moved by `days`, saturating at chrono's limits rather than panicking.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(if days >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// "in 3 days", "today", "2 days overdue" — how far a due date is from today.
pub fn describe_due(due: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, due) {
        0 => "due today".to_string(),
        1 => "due tomorrow".to_string(),
        n if n > 1 => format!("in {n} days"),
        -1 => "1 day overdue".to_string(),
        n => format!("{} days overdue", -n),
    }
}

/// The unit of a relative date: `d`, `w`, `m` or `y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    Days,
    Weeks,
    /// Calendar months: the same day of the month, or the month's last day when it
    /// is shorter (2027-01-31 + 1m is 2027-02-28).
    Months,
    /// Calendar years: twelve calendar months (2028-02-29 + 1y is 2029-02-28).
    Years,
}

/// What a person typed for a date, before it is counted from a day: a date, or an
/// offset from "today" (`today` itself is an offset of nothing). Read once, it can
/// be resolved later against whichever day is today — for `--today`, the demo's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateInput {
    Date(NaiveDate),
    /// `count` units later (earlier when negative).
    Offset {
        count: i64,
        unit: OffsetUnit,
    },
}

/// An offset may reach this far at most: anything further is a typo.
const MAX_OFFSET_YEARS: i64 = 100;

impl DateInput {
    /// Reads `YYYY-MM-DD`, `today`, or an offset such as `+7d`, `-3d`, `+2w`, `+1m`,
    /// `+1y` (a bare number counts days). Whether an offset lands in a year a date
    /// may have is known only once it is resolved.
    pub fn parse(input: &str) -> Result<Self, String> {
        let text = input.trim();
        if text.eq_ignore_ascii_case("today") {
            return Ok(DateInput::Offset {
                count: 0,
                unit: OffsetUnit::Days,
            });
        }
        if let Some(sign @ ('+' | '-')) = text.chars().next() {
            let rest = &text[1..];
            let (number, unit) = match rest.chars().last() {
                Some('d' | 'D') => (&rest[..rest.len() - 1], OffsetUnit::Days),
                Some('w' | 'W') => (&rest[..rest.len() - 1], OffsetUnit::Weeks),
                Some('m' | 'M') => (&rest[..rest.len() - 1], OffsetUnit::Months),
                Some('y' | 'Y') => (&rest[..rest.len() - 1], OffsetUnit::Years),
                _ => (rest, OffsetUnit::Days),
            };
            let bad = || "not an offset: try +7d, +2w, +1m, +1y or -3d".to_string();
            // Digits only: the sign was the first character.
            if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            let count: i64 = number.parse().map_err(|_| bad())?;
            let most = match unit {
                OffsetUnit::Days => MAX_OFFSET_YEARS * 365,
                OffsetUnit::Weeks => MAX_OFFSET_YEARS * 365 / 7,
                OffsetUnit::Months => MAX_OFFSET_YEARS * 12,
                OffsetUnit::Years => MAX_OFFSET_YEARS,
            };
            if count > most {
                return Err("offset is more than a hundred years".to_string());
            }
            let count = if sign == '-' { -count } else { count };
            return Ok(DateInput::Offset { count, unit });
        }
        parse_iso_date(text)
            .map(DateInput::Date)
            .map_err(|error| match error {
                DateError::Shape => "not a date: try YYYY-MM-DD, today, +7d or +2w".to_string(),
                // The caller names the text it read ("--since 2026-13-01: …").
                DateError::Year(_) | DateError::NoSuchDay => format!("{error}"),
            })
    }

    /// Whether it counts from today (`today`, `+7d`) rather than naming a date.
    pub fn is_relative(self) -> bool {
        matches!(self, DateInput::Offset { .. })
    }

    /// The date it stands for when today is `today`; an offset that lands outside
    /// the years a date may have is refused.
    pub fn resolve(self, today: NaiveDate) -> Result<NaiveDate, String> {
        let (count, unit) = match self {
            DateInput::Date(date) => return Ok(date),
            DateInput::Offset { count, unit } => (count, unit),
        };
        let months = |months: i64| {
            let step = Months::new(u32::try_from(months.unsigned_abs()).unwrap_or(u32::MAX));
            let moved = if months >= 0 {
                today.checked_add_months(step)
            } else {
                today.checked_sub_months(step)
            };
            moved.unwrap_or(if months >= 0 {
                NaiveDate::MAX
            } else {
                NaiveDate::MIN
            })
        };
        let date = match unit {
            OffsetUnit::Days => add_days(today, count),
            OffsetUnit::Weeks => add_days(today, count * 7),
            OffsetUnit::Months => months(count),
            OffsetUnit::Years => months(count * 12),
        };
        if !in_range(date) {
            return Err(format!(
                "lands in {}; years run {FIRST_YEAR}–{LAST_YEAR}",
                date.year()
            ));
        }
        Ok(date)
    }
}

/// Parses what a person types into a date field: `YYYY-MM-DD`, `today`, or an offset
/// from today such as `+7d`, `-3d`, `+2w`, `+1m` (a calendar month), `+1y`.
pub fn parse_date_input(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    DateInput::parse(input)?.resolve(today)
}

/// The message for a date in a file that is not `YYYY-MM-DD`: what was found and
/// what was expected.
fn file_date_error(text: &str, error: &DateError) -> String {
    let shown = quoted(text);
    match error {
        DateError::Shape => {
            format!(
                "expected a date written as \"YYYY-MM-DD\" (like \"2026-07-01\"), found {shown}"
            )
        }
        DateError::Year(year) => format!(
            "{shown}: the year {year} is outside {FIRST_YEAR}–{LAST_YEAR}; expected a date written as \"YYYY-MM-DD\""
        ),
        DateError::NoSuchDay => {
            format!(
                "{shown} is not a day of the calendar; expected a date written as \"YYYY-MM-DD\""
            )
        }
    }
}

/// `text` in double quotes, cut short when long (a whole paragraph pasted into a
/// date field should not fill the error list).
fn quoted(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{text}\"")
    }
}

/// Serde for `NaiveDate` as `"YYYY-MM-DD"`, with an error message a person can act on.
pub mod serde_date {
    use super::{DATE_FORMAT, file_date_error, parse_iso_date};
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&date.format(DATE_FORMAT).to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_iso_date(&text).map_err(|error| D::Error::custom(file_date_error(&text, &error)))
    }
}

/// Serde for `Option<NaiveDate>` as `Some("YYYY-MM-DD")` or `None`.
pub mod serde_opt_date {
    use super::{DATE_FORMAT, file_date_error, parse_iso_date};
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_some(&date.format(DATE_FORMAT).to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| {
                parse_iso_date(&text)
                    .map_err(|error| D::Error::custom(file_date_error(&text, &error)))
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, DATE_FORMAT).unwrap()
    }

    #[test]
    fn parses_absolute_and_relative_dates() {
        let today = day("2026-11-28");
        assert_eq!(parse_date_input("2026-12-01", today), Ok(day("2026-12-01")));
        assert_eq!(parse_date_input(" today ", today), Ok(today));
        assert_eq!(parse_date_input("+7d", today), Ok(day("2026-12-05")));
        assert_eq!(parse_date_input("+2w", today), Ok(day("2026-12-12")));
        assert_eq!(parse_date_input("-3d", today), Ok(day("2026-11-25")));
        assert_eq!(parse_date_input("+1m", today), Ok(day("2026-12-28")));
        assert_eq!(parse_date_input("+5", today), Ok(day("2026-12-03")));
    }

    /// The reviewer's agreement: "+12m" from 2026-11-28 gave 2027-11-23 (twelve
    /// 30-day months), and "+1y" was "not an offset".
    #[test]
    fn months_and_years_are_calendar_ones() {
        let today = day("2026-11-28");
        assert_eq!(parse_date_input("+12m", today), Ok(day("2027-11-28")));
        assert_eq!(parse_date_input("+1y", today), Ok(day("2027-11-28")));
        assert_eq!(parse_date_input("+2Y", today), Ok(day("2028-11-28")));
        assert_eq!(parse_date_input("-1y", today), Ok(day("2025-11-28")));
        assert_eq!(parse_date_input("+3m", today), Ok(day("2027-02-28")));
        assert_eq!(parse_date_input("-11m", today), Ok(day("2025-12-28")));
        // A shorter month clamps to its last day.
        let end = day("2027-01-31");
        assert_eq!(parse_date_input("+1m", end), Ok(day("2027-02-28")));
        assert_eq!(
            parse_date_input("+1m", day("2028-01-31")),
            Ok(day("2028-02-29"))
        );
        assert_eq!(parse_date_input("+2m", end), Ok(day("2027-03-31")));
        assert_eq!(
            parse_date_input("-1m", day("2027-03-31")),
            Ok(day("2027-02-28"))
        );
        assert_eq!(
            parse_date_input("+1y", day("2028-02-29")),
            Ok(day("2029-02-28"))
        );
        assert_eq!(
            parse_date_input("+4y", day("2028-02-29")),
            Ok(day("2032-02-29"))
        );
        assert_eq!(parse_date_input("+0m", today), Ok(today));
    }

    #[test]
    fn offsets_reach_a_hundred_years_and_stay_within_the_calendar() {
        let today = day("2026-11-28");
        assert_eq!(parse_date_input("+100y", today), Ok(day("2126-11-28")));
        assert_eq!(parse_date_input("+1200m", today), Ok(day("2126-11-28")));
        for far in ["+101y", "+1201m", "-36501d", "+5215w"] {
            assert_eq!(
                parse_date_input(far, today),
                Err("offset is more than a hundred years".to_string()),
                "{far}"
            );
        }
        assert_eq!(
            parse_date_input("+1y", day("2200-06-01")),
            Err("lands in 2201; years run 1900–2200".to_string())
        );
        assert_eq!(
            parse_date_input("-2m", day("1900-01-31")),
            Err("lands in 1899; years run 1900–2200".to_string())
        );
        assert_eq!(
            parse_date_input("+1x", today),
            Err("not an offset: try +7d, +2w, +1m, +1y or -3d".to_string())
        );
    }

    #[test]
    fn an_input_is_read_once_and_counted_from_any_day() {
        let input = DateInput::parse("+1m").unwrap();
        assert!(input.is_relative());
        assert_eq!(input.resolve(day("2026-11-28")), Ok(day("2026-12-28")));
        assert_eq!(input.resolve(day("2027-01-31")), Ok(day("2027-02-28")));
        let today = DateInput::parse("Today").unwrap();
        assert!(today.is_relative());
        assert_eq!(today.resolve(day("2026-11-28")), Ok(day("2026-11-28")));
        let date = DateInput::parse("2026-12-25").unwrap();
        assert!(!date.is_relative());
        assert_eq!(date.resolve(day("2030-01-01")), Ok(day("2026-12-25")));
        assert!(DateInput::parse("2026-7-1").is_err());
    }

    #[test]
    fn rejects_nonsense_with_a_reason() {
        let today = day("2026-11-28");
        for bad in [
            "",
            "tomorrow",
            "2026-13-01",
            "+xd",
            "+",
            "+99999999w",
            "+é",
            "+-9223372036854775807w",
            "-+3d",
            "+9223372036854775807w",
        ] {
            let error = parse_date_input(bad, today).unwrap_err();
            assert!(!error.is_empty(), "{bad}");
        }
    }

    #[test]
    fn only_four_digit_years_two_digit_months_and_days_are_dates() {
        assert_eq!(parse_iso_date("2026-07-01"), Ok(day("2026-07-01")));
        assert_eq!(parse_iso_date("1900-01-01"), Ok(day("1900-01-01")));
        assert_eq!(parse_iso_date("2200-12-31"), Ok(day("2200-12-31")));
        for shape in [
            "2026-7-1",
            "2026-07-1",
            "-001-01-01",
            "+2026-07-01",
            "20260-01-01",
            "2026/07/01",
            " 2026-07-01",
            "2026-07-01 ",
            "２０２６-07-01",
            "",
        ] {
            assert_eq!(parse_iso_date(shape), Err(DateError::Shape), "{shape:?}");
        }
        assert_eq!(parse_iso_date("0000-01-01"), Err(DateError::Year(0)));
        assert_eq!(parse_iso_date("1899-12-31"), Err(DateError::Year(1899)));
        assert_eq!(parse_iso_date("2201-01-01"), Err(DateError::Year(2201)));
        assert_eq!(parse_iso_date("2026-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(parse_iso_date("2026-13-01"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn forms_and_today_take_the_same_strict_dates() {
        let today = day("2026-11-28");
        assert!(parse_date_input("2026-7-1", today).is_err());
        assert_eq!(
            parse_date_input("0000-01-01", today),
            Err("year 0 is outside 1900–2200".to_string())
        );
        assert_eq!(
            parse_date_input("2026-02-30", today),
            Err("no such day in the calendar".to_string())
        );
        assert_eq!(
            parse_date_input("+2w", day("2199-12-25")),
            Ok(day("2200-01-08"))
        );
        assert_eq!(
            parse_date_input("+3w", day("2200-12-25")),
            Err("lands in 2201; years run 1900–2200".to_string())
        );
        assert!(parse_date_input("-3w", day("1900-01-05")).is_err());
    }

    #[test]
    fn file_dates_say_what_was_found_and_what_is_expected() {
        let error = |text: &str| file_date_error(text, &parse_iso_date(text).unwrap_err());
        assert_eq!(
            error("2026-7-1"),
            "expected a date written as \"YYYY-MM-DD\" (like \"2026-07-01\"), found \"2026-7-1\""
        );
        assert_eq!(
            error("0000-01-01"),
            "\"0000-01-01\": the year 0 is outside 1900–2200; expected a date written as \"YYYY-MM-DD\""
        );
        assert!(error(&"x".repeat(100)).ends_with("found \"xxxxxxxxxxxxxxxxxxxxxxxx…\""));
    }

    #[test]
    fn describes_due_dates_in_words() {
        let today = day("2026-11-28");
        assert_eq!(describe_due(today, today), "due today");
        assert_eq!(describe_due(day("2026-11-29"), today), "due tomorrow");
        assert_eq!(describe_due(day("2026-12-08"), today), "in 10 days");
        assert_eq!(describe_due(day("2026-11-27"), today), "1 day overdue");
        assert_eq!(describe_due(day("2026-11-18"), today), "10 days overdue");
    }

    #[test]
    fn adding_days_saturates_instead_of_panicking() {
        assert_eq!(add_days(NaiveDate::MAX, 5), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -5), NaiveDate::MIN);
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(add_days(day, i64::MAX), NaiveDate::MAX);
        assert_eq!(add_days(day, i64::MIN), NaiveDate::MIN);
    }
}
