//! `CalendarDate`: a day of the Gregorian calendar written `YYYY-MM-DD` (ISO 8601), such as the
//! accessibility statement's date. A date is a fact an operator configures, so the rule is
//! strict: four-digit year, two-digit month and day, a day the month has (29 February only in
//! leap years), nothing around it.

use std::str::FromStr;

/// A calendar date, in its `YYYY-MM-DD` form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate(String);

/// Why a text is not a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (digits, dashes, nothing else).
    #[error("not of the form YYYY-MM-DD")]
    Format,
    /// Of the form, but no such day (month 13, 31 April, 29 February of a common year, year 0).
    #[error("no such day")]
    NoSuchDay,
}

impl DateError {
    /// The error's stable code.
    pub fn code(self) -> &'static str {
        match self {
            DateError::Format => "date_format",
            DateError::NoSuchDay => "date_no_such_day",
        }
    }
}

impl CalendarDate {
    /// The date as `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The year (1–9999).
    pub fn year(&self) -> u16 {
        self.0[0..4].parse().unwrap_or_default()
    }

    /// The month (1–12).
    pub fn month(&self) -> u8 {
        self.0[5..7].parse().unwrap_or_default()
    }

    /// The day of the month (1–31).
    pub fn day(&self) -> u8 {
        self.0[8..10].parse().unwrap_or_default()
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for CalendarDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::Format);
        }
        let date = CalendarDate(text.to_owned());
        let (year, month, day) = (date.year(), date.month(), date.day());
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(date)
    }
}

crate::text_form!(CalendarDate);

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<(u16, u8, u8), DateError>) {
        let parsed = input
            .parse::<CalendarDate>()
            .map(|date| (date.year(), date.month(), date.day()));
        assert_eq!(parsed, expected, "{input:?}");
    }

    #[test]
    fn dates_follow_the_calendar() {
        check("2025-06-01", Ok((2025, 6, 1)));
        check("2024-02-29", Ok((2024, 2, 29)));
        check("2000-02-29", Ok((2000, 2, 29)));
        check("1999-12-31", Ok((1999, 12, 31)));
        check("2025-02-29", Err(DateError::NoSuchDay));
        check("1900-02-29", Err(DateError::NoSuchDay));
        check("2025-04-31", Err(DateError::NoSuchDay));
        check("2025-13-01", Err(DateError::NoSuchDay));
        check("2025-00-10", Err(DateError::NoSuchDay));
        check("2025-01-00", Err(DateError::NoSuchDay));
        check("0000-01-01", Err(DateError::NoSuchDay));
        check("", Err(DateError::Format));
        check("2025-6-1", Err(DateError::Format));
        check("1.6.2025", Err(DateError::Format));
        check(" 2025-06-01", Err(DateError::Format));
        check("2025-06-01T00:00", Err(DateError::Format));
        check("2025/06/01", Err(DateError::Format));
        check("２０２５-06-01", Err(DateError::Format));
    }

    #[test]
    fn a_date_travels_as_its_text_and_is_checked_again() {
        let date: CalendarDate = "2025-06-01".parse().unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2025-06-01\"");
        assert_eq!(
            serde_json::from_str::<CalendarDate>("\"2025-06-01\"").unwrap(),
            date
        );
        assert!(serde_json::from_str::<CalendarDate>("\"2025-02-30\"").is_err());
    }
}
