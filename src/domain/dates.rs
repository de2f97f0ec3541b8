//! Date helpers shared by the domain: serde formats with plain error messages, and
//! the relative dates (`today`, `+7d`, `-2w`) that forms accept.

use chrono::{Days, NaiveDate};

/// The on-disk date format, also what the UI shows.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

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

/// Parses what a person types into a date field: `YYYY-MM-DD`, `today`, or an offset
/// from today such as `+7d`, `-3d`, `+2w`, `+1m` (30 days).
pub fn parse_date_input(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = input.trim();
    if text.eq_ignore_ascii_case("today") {
        return Ok(today);
    }
    if let Some(sign @ ('+' | '-')) = text.chars().next() {
        let rest = &text[1..];
        let (number, per) = match rest.chars().last() {
            Some('d' | 'D') => (&rest[..rest.len() - 1], 1),
            Some('w' | 'W') => (&rest[..rest.len() - 1], 7),
            Some('m' | 'M') => (&rest[..rest.len() - 1], 30),
            _ => (rest, 1),
        };
        let bad = || "not an offset: try +7d, +2w, +1m or -3d".to_string();
        // Digits only: the sign was the first character.
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let count: i64 = number.parse().map_err(|_| bad())?;
        let days = count.checked_mul(per).filter(|days| *days <= 36_500);
        let Some(days) = days else {
            return Err("offset is more than a hundred years".to_string());
        };
        return Ok(add_days(today, if sign == '-' { -days } else { days }));
    }
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map_err(|_| "not a date: try YYYY-MM-DD, today, +7d or +2w".to_string())
}

/// Serde for `NaiveDate` as `"YYYY-MM-DD"`, with an error message a person can act on.
pub mod serde_date {
    use super::DATE_FORMAT;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&date.format(DATE_FORMAT).to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|_| {
            D::Error::custom(format!(
                "expected a date written as \"YYYY-MM-DD\", found \"{text}\""
            ))
        })
    }
}

/// Serde for `Option<NaiveDate>` as `Some("YYYY-MM-DD")` or `None`.
pub mod serde_opt_date {
    use super::DATE_FORMAT;
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
                NaiveDate::parse_from_str(&text, DATE_FORMAT).map_err(|_| {
                    D::Error::custom(format!(
                        "expected a date written as \"YYYY-MM-DD\", found \"{text}\""
                    ))
                })
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
