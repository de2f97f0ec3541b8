//! A KPI's readings as a list kept in date order: where a new reading goes, putting
//! a hand-edited file back in order when it is next saved, and what `check` says
//! about readings out of order or dated after today. Two readings on one date are
//! both kept (each has its id), in the order they were added.

use chrono::NaiveDate;

use super::kpi::{Kpi, Reading};
use super::partner::Partner;

/// Adds `reading` after every reading dated on or before it, so the list stays in
/// date order and a second reading on one date comes after the first.
pub fn insert_reading(kpi: &mut Kpi, reading: Reading) {
    let at = kpi
        .readings
        .iter()
        .position(|existing| existing.date > reading.date)
        .unwrap_or(kpi.readings.len());
    kpi.readings.insert(at, reading);
}

/// Puts every KPI's readings of `partner` in date order (a stable sort: readings of
/// one date keep their order); says whether anything moved. Run before a partner is
/// written, so a file edited by hand out of order is written in order.
pub fn sort_readings(partner: &mut Partner) -> bool {
    let mut moved = false;
    for kpi in &mut partner.kpis {
        if first_out_of_order(kpi).is_some() {
            kpi.readings.sort_by_key(|reading| reading.date);
            moved = true;
        }
    }
    moved
}

/// The first reading dated before the one above it in the list, with that one:
/// `(earlier in the list, the reading out of place)`.
pub fn first_out_of_order(kpi: &Kpi) -> Option<(&Reading, &Reading)> {
    kpi.readings
        .windows(2)
        .find(|pair| pair[1].date < pair[0].date)
        .map(|pair| (&pair[0], &pair[1]))
}

/// The readings dated after `today`: nobody can have measured them yet.
pub fn future_readings(kpi: &Kpi, today: NaiveDate) -> impl Iterator<Item = &Reading> {
    kpi.readings
        .iter()
        .filter(move |reading| reading.date > today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn reading(id: &str, date: &str, value: f64) -> Reading {
        Reading {
            id: id.into(),
            ..Reading::new(day(date), value)
        }
    }

    fn kpi(readings: Vec<Reading>) -> Kpi {
        Kpi {
            readings,
            ..Kpi::new(
                "Leads",
                (0.0, 100.0),
                (day("2026-01-01"), day("2026-12-31")),
            )
        }
    }

    fn ids(kpi: &Kpi) -> Vec<&str> {
        kpi.readings.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn a_new_reading_goes_in_date_order_after_readings_of_its_date() {
        let mut kpi = kpi(vec![
            reading("rd-a", "2026-02-01", 10.0),
            reading("rd-b", "2026-03-01", 20.0),
        ]);
        insert_reading(&mut kpi, reading("rd-c", "2026-02-15", 15.0));
        insert_reading(&mut kpi, reading("rd-d", "2026-03-01", 21.0));
        insert_reading(&mut kpi, reading("rd-e", "2026-01-15", 5.0));
        insert_reading(&mut kpi, reading("rd-f", "2026-04-01", 30.0));
        assert_eq!(ids(&kpi), ["rd-e", "rd-a", "rd-c", "rd-b", "rd-d", "rd-f"]);
    }

    #[test]
    fn sorting_is_stable_and_says_whether_anything_moved() {
        let mut partner = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        partner.kpis.push(kpi(vec![
            reading("rd-a", "2026-03-01", 30.0),
            reading("rd-b", "2026-02-01", 20.0),
            reading("rd-c", "2026-03-01", 31.0),
            reading("rd-d", "2026-01-01", 10.0),
        ]));
        assert_eq!(
            first_out_of_order(&partner.kpis[0]).map(|(a, b)| (&*a.id, &*b.id)),
            Some(("rd-a", "rd-b"))
        );
        assert!(sort_readings(&mut partner));
        assert_eq!(ids(&partner.kpis[0]), ["rd-d", "rd-b", "rd-a", "rd-c"]);
        assert_eq!(first_out_of_order(&partner.kpis[0]), None);
        assert!(!sort_readings(&mut partner), "already in order");
    }

    #[test]
    fn readings_after_today_are_future_ones() {
        let kpi = kpi(vec![
            reading("rd-a", "2026-11-28", 1.0),
            reading("rd-b", "2026-11-29", 2.0),
        ]);
        let future: Vec<&str> = future_readings(&kpi, day("2026-11-28"))
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(future, ["rd-b"]);
    }
}
