//! How KPI values read: grouped thousands, the unit, and the KPI's own decimals.

use super::Kpi;

impl Kpi {
    /// `value` with the KPI's unit, and its decimals when it sets them.
    pub fn format_value(&self, value: f64) -> String {
        with_unit(self.format_number(value), &self.unit)
    }

    /// `value` as `format_value` writes it, without the unit.
    pub fn format_number(&self, value: f64) -> String {
        match self.decimals {
            None => format_value(value, ""),
            Some(decimals) => format!("{value:.prec$}", prec = usize::from(decimals.min(6))),
        }
    }

    /// The decimals a derived value (a forecast) is rounded to: the KPI's own, else
    /// none when baseline, target and every reading are whole numbers, else one.
    pub fn precision(&self) -> u8 {
        if let Some(decimals) = self.decimals {
            return decimals.min(6);
        }
        let whole = |value: f64| (value - value.round()).abs() < 1e-9;
        let all_whole = whole(self.baseline)
            && whole(self.target)
            && self.readings.iter().all(|reading| whole(reading.value));
        if all_whole { 0 } else { 1 }
    }

    /// `value` rounded to the KPI's precision.
    pub fn round(&self, value: f64) -> f64 {
        let scale = 10f64.powi(i32::from(self.precision()));
        (value * scale).round() / scale
    }
}

/// "38%" — a share, as a whole percentage.
pub(super) fn percent(fraction: f64) -> String {
    // Through an integer, so a hair below zero reads "0%", not "-0%".
    format!("{}%", (fraction * 100.0).round() as i64)
}

/// "1,250 leads", "38%", "4.5 days": whole numbers without decimals, others with one.
pub fn format_value(value: f64, unit: &str) -> String {
    let number = if (value - value.round()).abs() < 0.05 {
        group_thousands(value.round() as i64)
    } else {
        // One decimal, with the whole part grouped like the integers beside it.
        let tenths = (value * 10.0).round() as i64;
        let whole = group_thousands(tenths / 10);
        let sign = if tenths < 0 && tenths / 10 == 0 {
            "-"
        } else {
            ""
        };
        format!("{sign}{whole}.{}", (tenths % 10).abs())
    };
    with_unit(number, unit)
}

fn with_unit(number: String, unit: &str) -> String {
    match unit.trim() {
        "" => number,
        "%" => format!("{number}%"),
        unit => format!("{number} {unit}"),
    }
}

fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}
