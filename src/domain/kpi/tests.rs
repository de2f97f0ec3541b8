//! The KPI rules at their edges, with numbers worked out by hand. The fixture is
//! "Joint revenue": 0 → 100 k€ over the 100 days from 2026-01-01 to 2026-04-11, so
//! day n expects n% of the way; its grace period is 14 days (10% of 100 is 10, at
//! least 14), so it is judged from day 14, 2026-01-15.

use proptest::prelude::*;

use super::*;
use crate::domain::dates::add_days;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Day `n` of the fixture's span.
fn on(n: i64) -> NaiveDate {
    add_days(day("2026-01-01"), n)
}

const RULES: KpiRules = KpiRules {
    thresholds: RagThresholds {
        amber_points: 10,
        red_points: 20,
        amber_margin_percent: 10,
    },
    grace: GracePeriod {
        share_percent: 10,
        min_days: 14,
    },
    cadence_days: 14,
};

/// Readings as (day of the span, value).
fn revenue(direction: Direction, readings: &[(i64, f64)]) -> Kpi {
    let (baseline, target) = match direction {
        Direction::HigherIsBetter => (0.0, 100.0),
        Direction::LowerIsBetter => (100.0, 0.0),
    };
    Kpi {
        perspective: "financial".into(),
        unit: "k€".into(),
        direction,
        readings: readings
            .iter()
            .map(|(n, value)| Reading::new(on(*n), *value))
            .collect(),
        ..Kpi::new("Joint revenue", (baseline, target), (on(0), on(100)))
    }
}

fn up(readings: &[(i64, f64)]) -> Kpi {
    revenue(Direction::HigherIsBetter, readings)
}

fn down(readings: &[(i64, f64)]) -> Kpi {
    revenue(Direction::LowerIsBetter, readings)
}

/// Uptime kept at or above 95% (higher is better), or a response time kept at or
/// below 4 h (lower is better); amber within 10% of the level.
fn maintain(direction: Direction, value: f64) -> Kpi {
    let (name, unit, level) = match direction {
        Direction::HigherIsBetter => ("Uptime", "%", 95.0),
        Direction::LowerIsBetter => ("Response time", "h", 4.0),
    };
    Kpi {
        unit: unit.into(),
        direction,
        kind: KpiKind::Maintain,
        readings: vec![Reading::new(on(30), value)],
        ..Kpi::new(name, (level, level), (on(0), on(365)))
    }
}

#[test]
fn before_the_start_date_it_is_too_early() {
    let result = up(&[]).assess(on(-5), RULES);
    assert_eq!(
        result.status,
        KpiStatus::TooEarly {
            days: 0,
            grace_days: 14
        }
    );
    assert_eq!(
        result.explanation,
        "Joint revenue: too early: starts on 2026-01-01"
    );
    assert!(!result.stale);
    assert_eq!(result.status.worth(), None);
}

#[test]
fn the_grace_period_s_last_day_is_too_early_and_the_next_is_judged() {
    for kpi in [up(&[(0, 0.0)]), down(&[(0, 100.0)])] {
        let last = kpi.assess(on(13), RULES);
        assert_eq!(
            last.status,
            KpiStatus::TooEarly {
                days: 13,
                grace_days: 14
            }
        );
        assert_eq!(
            last.explanation,
            "Joint revenue: too early: 13 of 14 grace days (judged from 2026-01-15)"
        );
        // Day 14: 14% expected, still at the baseline → 14 points behind → amber.
        let first = kpi.assess(on(14), RULES);
        assert_eq!(first.status, KpiStatus::Amber);
        assert_eq!(first.points_behind, Some(14));
        assert_eq!(
            first.explanation,
            "Joint revenue: 14 points behind plan (0% of the way, 14% expected by today) → amber"
        );
    }
}

#[test]
fn a_year_long_kpi_a_week_in_at_its_baseline_is_too_early_not_red() {
    // 365 days: 10% is 36.5, rounded up to 37 grace days.
    let mut kpi = up(&[(0, 0.0)]);
    kpi.target_date = on(365);
    assert_eq!(kpi.grace_days(RULES.grace), 37);
    let result = kpi.assess(on(7), RULES);
    assert_eq!(
        result.status,
        KpiStatus::TooEarly {
            days: 7,
            grace_days: 37
        }
    );
    assert!(result.explanation.contains("7 of 37 grace days"));
}

#[test]
fn after_the_grace_period_no_reading_is_judged_at_the_baseline_and_stale() {
    // Day 20: 20% expected, the baseline is 0% of the way → 20 points → red.
    let result = up(&[]).assess(on(20), RULES);
    assert_eq!(result.status, KpiStatus::Red);
    assert!(result.stale);
    assert_eq!(result.days_without_reading, Some(20));
    assert_eq!(
        result.explanation,
        "Joint revenue: no reading yet, judged at its baseline 0 k€: 20 points behind plan \
         (0% of the way, 20% expected by today) → red · 20 days without a reading, one expected every 14"
    );
}

#[test]
fn thresholds_are_whole_points_behind_the_planned_path() {
    // Day 50: 50% expected. 41 is 9 points behind, 40 is 10, 31 is 19, 30 is 20.
    for (value, status) in [
        (41.0, KpiStatus::Green),
        (40.0, KpiStatus::Amber),
        (31.0, KpiStatus::Amber),
        (30.0, KpiStatus::Red),
    ] {
        assert_eq!(
            up(&[(45, value)]).assess(on(50), RULES).status,
            status,
            "{value}"
        );
        // Lower is better: 100 → 0, so 59 is 41% of the way.
        let mirrored = down(&[(45, 100.0 - value)]).assess(on(50), RULES);
        assert_eq!(mirrored.status, status, "{value}");
    }
    // 40.4 is 9.6 points behind: shown as 10, judged as shown.
    let result = up(&[(45, 40.4)]).assess(on(50), RULES);
    assert_eq!(
        (result.status, result.points_behind),
        (KpiStatus::Amber, Some(10))
    );
}

#[test]
fn ahead_of_plan_and_on_plan_read_as_such() {
    let ahead = up(&[(45, 61.0)]).assess(on(50), RULES);
    assert_eq!(
        ahead.explanation,
        "Joint revenue: 11 points ahead of plan (61% of the way, 50% expected by today) → green"
    );
    let on_plan = up(&[(45, 50.2)]).assess(on(50), RULES);
    assert!(on_plan.explanation.contains(": on plan (50% of the way"));
    let one = up(&[(45, 49.0)]).assess(on(50), RULES);
    assert!(
        one.explanation.contains("1 point behind plan"),
        "{}",
        one.explanation
    );
}

#[test]
fn a_stale_red_kpi_stays_red_with_the_flag() {
    // Last reading day 19 at 30; today day 50 (50% expected): 20 points → red.
    let result = up(&[(19, 30.0)]).assess(on(50), RULES);
    assert_eq!(result.status, KpiStatus::Red);
    assert!(result.stale);
    assert_eq!(
        result.explanation,
        "Joint revenue: 20 points behind plan (30% of the way, 50% expected by today) → red \
         · 31 days without a reading, one expected every 14"
    );
    let mirrored = down(&[(19, 70.0)]).assess(on(50), RULES);
    assert_eq!((mirrored.status, mirrored.stale), (KpiStatus::Red, true));
}

#[test]
fn a_stale_green_kpi_is_green_with_the_flag_and_worth_no_more() {
    // Day 31 at 60; today day 50: 10 points ahead → green; 19 days old → stale.
    let result = up(&[(31, 60.0)]).assess(on(50), RULES);
    assert_eq!(result.status, KpiStatus::Green);
    assert_eq!(result.days_without_reading, Some(19));
    assert!(
        result
            .explanation
            .ends_with("→ green · 19 days without a reading, one expected every 14")
    );
    assert_eq!(result.status.worth(), Some(1.0));
    // Within the cadence it is not stale: day 36 is 14 days old.
    assert!(!up(&[(36, 60.0)]).assess(on(50), RULES).stale);
    let mirrored = down(&[(31, 40.0)]).assess(on(50), RULES);
    assert_eq!((mirrored.status, mirrored.stale), (KpiStatus::Green, true));
}

#[test]
fn a_target_met_long_ago_is_flagged_stale_and_judged_against_the_full_path() {
    // Met on day 19; on day 151 the target date (day 100) has passed.
    let result = up(&[(19, 120.0)]).assess(on(151), RULES);
    assert_eq!(result.status, KpiStatus::Green);
    assert!(result.stale);
    assert!(
        result
            .explanation
            .starts_with("Joint revenue: 20 points ahead of plan (120% of the way, all of it expected by 2026-04-11) → green · 132 days"),
        "{}",
        result.explanation
    );
}

#[test]
fn past_the_target_date_and_short_is_judged_by_points_against_all_of_the_way() {
    let short = up(&[(95, 70.0)]).assess(on(102), RULES);
    assert_eq!(short.status, KpiStatus::Red);
    assert_eq!(short.points_behind, Some(30));
    let close = up(&[(99, 95.0)]).assess(on(102), RULES);
    assert_eq!(close.status, KpiStatus::Green);
}

#[test]
fn maintain_kpis_are_judged_on_the_latest_reading_against_the_level() {
    let today = on(40);
    // Uptime ≥ 95%: amber within 9.5 points below, red beyond.
    for (value, status) in [
        (96.0, KpiStatus::Green),
        (95.0, KpiStatus::Green),
        (90.0, KpiStatus::Amber),
        (85.5, KpiStatus::Amber),
        (85.0, KpiStatus::Red),
    ] {
        let kpi = maintain(Direction::HigherIsBetter, value);
        assert_eq!(kpi.assess(today, RULES).status, status, "{value}");
    }
    // Response time ≤ 4 h: amber up to 4.4 h, red beyond.
    for (value, status) in [
        (3.5, KpiStatus::Green),
        (4.0, KpiStatus::Green),
        (4.4, KpiStatus::Amber),
        (4.5, KpiStatus::Red),
    ] {
        let kpi = maintain(Direction::LowerIsBetter, value);
        assert_eq!(kpi.assess(today, RULES).status, status, "{value}");
    }
    let amber = maintain(Direction::HigherIsBetter, 90.0).assess(today, RULES);
    assert_eq!(
        amber.explanation,
        "Uptime: 90%, 5% below the 95% level (amber within 9.5%, 10% of the level) → amber"
    );
    assert_eq!(amber.points_behind, None);
    let green = maintain(Direction::LowerIsBetter, 3.5).assess(today, RULES);
    assert_eq!(
        green.explanation,
        "Response time: 3.5 h, at or below the 4 h level → green"
    );
    // A maintain KPI has no run-rate to reach: it is already at its level or not.
    assert_eq!(green.run_rate, None);
}

#[test]
fn a_closed_kpi_leaves_status_and_flags_and_stays_as_history() {
    for mut kpi in [
        up(&[(10, 20.0), (60, 98.0)]),
        down(&[(10, 80.0), (60, 2.0)]),
    ] {
        kpi.closed = Some(KpiClosed {
            date: on(90),
            outcome: KpiOutcome::Met,
            note: "near enough, agreed at the review".into(),
        });
        // Long after the last reading: no stale flag, no forecast, not judged.
        let result = kpi.assess(on(200), RULES);
        assert_eq!(result.status, KpiStatus::Closed(KpiOutcome::Met));
        assert!(!result.stale && !result.early_warning);
        assert_eq!((result.forecast, result.run_rate), (None, None));
        assert_eq!(result.status.worth(), None);
        assert!(
            result
                .explanation
                .starts_with("Joint revenue: closed on 2026-04-01 at "),
            "{}",
            result.explanation
        );
        assert!(
            result
                .explanation
                .ends_with("→ met: near enough, agreed at the review")
        );
        // The day before it was closed, it was open.
        assert!(kpi.assess(on(89), RULES).status.is_judged());
    }
}

#[test]
fn future_readings_are_ignored() {
    let result = up(&[(45, 10.0), (60, 99.0)]).assess(on(50), RULES);
    assert_eq!(result.latest.unwrap().value, 10.0);
    assert_eq!(result.status, KpiStatus::Red);
}

/// Weekly readings on days `first`, `first + 7`, … with these values.
fn weekly(first: i64, values: &[f64]) -> Vec<(i64, f64)> {
    values
        .iter()
        .zip(0..)
        .map(|(value, week)| (first + 7 * week, *value))
        .collect()
}

#[test]
fn a_forecast_needs_four_readings_over_three_weeks() {
    // One unit a day: exactly on course for 100 on day 100.
    let four = up(&weekly(0, &[0.0, 7.0, 14.0, 21.0])).assess(on(22), RULES);
    assert_eq!(
        four.window,
        Window {
            readings: 4,
            span_days: 21
        }
    );
    let forecast = four.forecast.unwrap();
    assert_eq!((forecast.date, forecast.value), (on(100), 100.0));
    assert!((four.trend.unwrap().per_week - 7.0).abs() < 1e-9);
    assert!(!four.early_warning);

    let three = up(&weekly(7, &[7.0, 14.0, 21.0])).assess(on(22), RULES);
    assert_eq!(three.forecast, None);
    assert!(three.trend.is_some(), "two readings are enough for a trend");
    let kpi = up(&weekly(7, &[7.0, 14.0, 21.0]));
    assert_eq!(
        kpi.describe_forecast(&three),
        "not enough readings to forecast: 3 of 4 in the last 8 weeks, over 14 of 21 days"
    );

    // Four readings over 18 days: too short a span.
    let short = up(&[(3, 3.0), (9, 9.0), (15, 15.0), (21, 21.0)]).assess(on(22), RULES);
    assert_eq!(short.window.span_days, 18);
    assert_eq!(short.forecast, None);
}

#[test]
fn only_the_last_eight_weeks_count() {
    // Readings every week from day 0 to day 70; on day 71 the window (56 days back,
    // day 15 on) holds days 21 to 70: eight readings.
    let values: Vec<f64> = (0..11).map(|week| f64::from(week) * 7.0).collect();
    let result = up(&weekly(0, &values)).assess(on(71), RULES);
    assert_eq!(
        result.window,
        Window {
            readings: 8,
            span_days: 49
        }
    );
}

#[test]
fn two_flat_readings_raise_no_early_warning() {
    let mut kpi = up(&[(30, 35.0), (37, 35.0)]);
    kpi.target_date = on(365);
    let result = kpi.assess(on(38), RULES);
    assert_eq!(result.forecast, None);
    assert!(!result.early_warning);
}

#[test]
fn early_warning_when_the_trend_misses_a_target_still_green() {
    // Days 19–40 at 30, 38, 42, 44; today day 41 (41% expected): 3 points ahead.
    // Least squares from day 19: slope 161/245 a day, 31.6 at day 19, so
    // 31.6 + 0.657142… × 81 = 84.83 on day 100 → 85 (whole numbers).
    let kpi = up(&weekly(19, &[30.0, 38.0, 42.0, 44.0]));
    let result = kpi.assess(on(41), RULES);
    assert_eq!(result.status, KpiStatus::Green);
    assert_eq!(result.forecast.unwrap().value, 85.0);
    assert!(result.early_warning);
    assert!(
        result.explanation.ends_with(
            "→ green; the trend reaches 85 k€ by 2026-04-11, short of 100 k€ → early warning"
        ),
        "{}",
        result.explanation
    );
    assert_eq!(
        kpi.describe_forecast(&result),
        "forecast 85 k€ by 2026-04-11 (target 100 k€)"
    );
    // Mirrored for lower is better: 70, 62, 58, 56 → 15 on day 100, short of 0.
    let mirrored = down(&weekly(19, &[70.0, 62.0, 58.0, 56.0])).assess(on(41), RULES);
    assert_eq!(mirrored.forecast.unwrap().value, 15.0);
    assert!(mirrored.early_warning);
    assert_eq!(mirrored.trend.unwrap().direction, TrendDirection::Improving);
}

#[test]
fn no_early_warning_when_red_or_on_course() {
    let red = up(&weekly(19, &[1.0, 2.0, 3.0, 4.0])).assess(on(41), RULES);
    assert_eq!(red.status, KpiStatus::Red);
    assert!(red.forecast.is_some() && !red.early_warning);
}

#[test]
fn a_maintain_kpi_warns_when_its_trend_crosses_the_level_within_the_window() {
    // Uptime at 99, 98, 97, 96 weekly: one point a week down; 56 days on it is
    // 96 − 8 = 88, below 95 → early warning, while still green today.
    let mut kpi = maintain(Direction::HigherIsBetter, 0.0);
    kpi.readings = weekly(20, &[99.0, 98.0, 97.0, 96.0])
        .into_iter()
        .map(|(n, v)| Reading::new(on(n), v))
        .collect();
    let result = kpi.assess(on(41), RULES);
    assert_eq!(result.status, KpiStatus::Green);
    let forecast = result.forecast.unwrap();
    assert_eq!((forecast.date, forecast.value), (on(97), 88.0));
    assert!(result.early_warning);
    assert!(
        result
            .explanation
            .ends_with("below the 95% level → early warning")
    );
}

#[test]
fn forecasts_stay_within_reach_and_the_kpi_s_decimals() {
    // A falling count would go below zero: it stops at zero.
    let falling = up(&weekly(19, &[40.0, 30.0, 20.0, 10.0])).assess(on(41), RULES);
    assert_eq!(falling.forecast.unwrap().value, 0.0);
    // A percentage stops at 100.
    let mut rate = up(&weekly(19, &[40.0, 60.0, 80.0, 95.0]));
    rate.unit = "%".into();
    assert_eq!(rate.assess(on(41), RULES).forecast.unwrap().value, 100.0);
    // A quantity that has been negative may stay negative.
    let mut balance = up(&weekly(19, &[-5.0, -10.0, -15.0, -20.0]));
    balance.baseline = -5.0;
    assert!(balance.assess(on(41), RULES).forecast.unwrap().value < -20.0);
    // Rounded to the KPI's decimals: 0.1 a week from 1.0 → 1.0 + 0.1 × 81/7.
    let mut share = up(&weekly(19, &[1.0, 1.1, 1.2, 1.3]));
    share.decimals = Some(2);
    assert_eq!(share.assess(on(41), RULES).forecast.unwrap().value, 2.16);
    share.decimals = None;
    assert_eq!(share.precision(), 1);
    assert_eq!(share.assess(on(41), RULES).forecast.unwrap().value, 2.2);
}

#[test]
fn run_rate_needed_beside_the_one_achieved() {
    // Day 50 at 30: 70 to go in 50 days = 9.8 a week. Achieved: 3 a week.
    let kpi = up(&weekly(29, &[21.0, 24.0, 27.0, 30.0]));
    let result = kpi.assess(on(50), RULES);
    let run_rate = result.run_rate.unwrap();
    assert_eq!(run_rate.needed, Needed::PerWeek(9.8));
    assert!((run_rate.actual_per_week.unwrap() - 3.0).abs() < 1e-9);
    assert_eq!(
        kpi.describe_run_rate(&run_rate),
        "needs 9.8 k€ a week, doing 3"
    );
    // Lower is better: the rate needed is a fall.
    let kpi = down(&weekly(29, &[79.0, 76.0, 73.0, 70.0]));
    let falling = kpi.assess(on(50), RULES).run_rate.unwrap();
    assert_eq!(falling.needed, Needed::PerWeek(-9.8));
    assert_eq!(
        kpi.describe_run_rate(&falling),
        "needs to fall 9.8 k€ a week, falling 3"
    );
    // Going the wrong way, and large rates in whole numbers.
    let mut kpi = up(&weekly(29, &[300.0, 280.0, 260.0, 240.0]));
    kpi.target = 1_000.0;
    let backwards = kpi.assess(on(50), RULES).run_rate.unwrap();
    assert_eq!(
        kpi.describe_run_rate(&backwards),
        "needs 106 k€ a week, falling 20"
    );
}

#[test]
fn run_rate_once_met_or_with_the_target_date_passed() {
    let passed = up(&[(95, 70.0)]).assess(on(102), RULES).run_rate.unwrap();
    assert_eq!(passed.needed, Needed::DatePassed);
    assert_eq!(up(&[]).describe_run_rate(&passed), "target date passed");
    // On the target date itself there is no week left to spread the gap over.
    let today = up(&[(95, 70.0)]).assess(on(100), RULES).run_rate.unwrap();
    assert_eq!(today.needed, Needed::DatePassed);
    let met = up(&[(60, 100.0)]).assess(on(70), RULES).run_rate.unwrap();
    assert_eq!(met.needed, Needed::Met);
    assert_eq!(up(&[]).describe_run_rate(&met), "target reached");
    // One reading: no achieved rate to compare, so the weeks count from today.
    // 60 to go from day 50 to day 100: 60 × 7 / 50 = 8.4 a week.
    let single = up(&[(45, 40.0)]).assess(on(50), RULES).run_rate.unwrap();
    assert_eq!(single.actual_per_week, None);
    assert_eq!(
        up(&[]).describe_run_rate(&single),
        "needs 8.4 k€ a week; too few recent readings for a run-rate"
    );
}

/// The tester's Millbrook: a count last read 24 days ago, "needs 20 a week, doing
/// 16.9" beside a forecast that "reaches the target" — the rate needed counted
/// the weeks from today, the forecast ran the trend on from the last reading.
#[test]
fn the_rate_needed_and_the_forecast_count_from_the_same_reading() {
    // Weekly readings of 10, 20, … 60 on days 29–64; today is day 76 (stale by
    // 12 days); the target of 100 is due on day 100.
    let kpi = up(&weekly(29, &[10.0, 20.0, 30.0, 40.0, 50.0, 60.0]));
    let result = kpi.assess(on(76), RULES);
    let run_rate = result.run_rate.unwrap();
    // 40 to go from day 64 to day 100: 40 × 7 / 36 = 7.8 a week (from today it
    // would be 40 × 7 / 24 = 11.7), doing 10.
    assert_eq!(
        kpi.describe_run_rate(&run_rate),
        "needs 7.8 k€ a week, doing 10"
    );
    let forecast = result.forecast.unwrap();
    assert!(forecast.value >= kpi.target, "{forecast:?}");
    // Both say the same: the rate achieved beats the one needed.
    let Needed::PerWeek(needed) = run_rate.needed else {
        panic!("{run_rate:?}")
    };
    assert!(run_rate.actual_per_week.unwrap() > needed);
}

#[test]
fn worsening_and_flat_trends() {
    let falling = up(&[(31, 50.0), (38, 45.0)]).assess(on(40), RULES);
    assert_eq!(falling.trend.unwrap().direction, TrendDirection::Worsening);
    let flat = up(&[(31, 50.0), (38, 50.1)]).assess(on(40), RULES);
    assert_eq!(flat.trend.unwrap().direction, TrendDirection::Flat);
}

#[test]
fn baseline_equal_to_target_is_all_or_nothing() {
    let mut kpi = down(&[(45, 3.0)]);
    kpi.baseline = 2.0;
    kpi.target = 2.0;
    assert_eq!(kpi.progress_of(3.0), 0.0);
    assert_eq!(kpi.progress_of(2.0), 1.0);
    assert_eq!(kpi.assess(on(50), RULES).status, KpiStatus::Red);
}

#[test]
fn target_date_before_start_expects_everything_at_once() {
    let mut kpi = up(&[]);
    kpi.target_date = kpi.start;
    assert_eq!(kpi.expected_progress(on(0)), 1.0);
    assert_eq!(kpi.expected_progress(on(-1)), 0.0);
    assert_eq!(kpi.grace_days(RULES.grace), 14);
}

#[test]
fn status_worth_orders_red_amber_green() {
    assert_eq!(KpiStatus::Red.worth(), Some(0.0));
    assert_eq!(KpiStatus::Amber.worth(), Some(0.5));
    assert_eq!(KpiStatus::Green.worth(), Some(1.0));
    assert_eq!(KpiStatus::Closed(KpiOutcome::Missed).worth(), None);
}

#[test]
fn decimals_set_on_the_kpi_are_shown() {
    let mut kpi = up(&[]);
    assert_eq!(kpi.format_value(2.0), "2 k€");
    kpi.decimals = Some(2);
    assert_eq!(kpi.format_value(2.0), "2.00 k€");
    kpi.decimals = Some(0);
    assert_eq!(kpi.format_value(2.46), "2 k€");
}

#[test]
fn values_are_formatted_with_units() {
    assert_eq!(format_value(1250.0, "leads"), "1,250 leads");
    assert_eq!(format_value(38.0, "%"), "38%");
    assert_eq!(format_value(4.45, "days"), "4.5 days");
    assert_eq!(format_value(-1234567.0, ""), "-1,234,567");
    assert_eq!(format_value(1655.84, "units"), "1,655.8 units");
    assert_eq!(format_value(-0.44, ""), "-0.4");
    assert_eq!(format_value(2.96, ""), "3");
}

/// A KPI rank for the property below: red 0, amber 1, green 2.
fn rank(status: KpiStatus) -> f64 {
    status.worth().expect("judged")
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Past its grace period, a reading dated today that moves the KPI toward its
    /// target never worsens its status, nor the KPI part of its partner's health.
    #[test]
    fn a_reading_toward_the_target_never_makes_things_worse(
        lower in any::<bool>(),
        maintain_kind in any::<bool>(),
        days in proptest::collection::vec(0i64..120, 0..8),
        values in proptest::collection::vec(-50.0f64..150.0, 8),
        today in 14i64..130,
        step in 0.0f64..80.0,
        other in -50.0f64..150.0,
    ) {
        let direction = if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter };
        let readings: Vec<(i64, f64)> = days
            .iter()
            .zip(&values)
            .filter(|(n, _)| **n <= today)
            .map(|(n, v)| (*n, *v))
            .collect();
        let mut kpi = revenue(direction, &readings);
        if maintain_kind {
            kpi.kind = KpiKind::Maintain;
        }
        let before = kpi.assess(on(today), RULES);
        prop_assume!(before.status.is_judged());
        let toward = before.value + step * direction.sign();
        kpi.readings.push(Reading::new(on(today), toward));
        let after = kpi.assess(on(today), RULES);
        prop_assert!(rank(after.status) >= rank(before.status), "{} then {}", before.explanation, after.explanation);

        // The partner's KPI part, beside a second KPI that does not change.
        let second = revenue(direction, &[(today.min(13), other)]);
        let mut partner = crate::domain::Partner::new("Acme", "startup", "maya", "active", on(0));
        partner.kpis = vec![second, kpi.clone()];
        partner.kpis[1].readings.pop();
        let workspace = Workspace::new("T");
        let part_before = crate::domain::health::health(&partner, &workspace, on(today));
        partner.kpis[1].readings.push(Reading::new(on(today), toward));
        let part_after = crate::domain::health::health(&partner, &workspace, on(today));
        let kpi_points = |health: &crate::domain::health::Health| {
            health.part(crate::domain::health::HealthPartKind::Kpis).and_then(|part| part.points)
        };
        prop_assert!(kpi_points(&part_after) >= kpi_points(&part_before));
    }
}
