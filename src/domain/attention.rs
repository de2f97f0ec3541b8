//! Attention items — what needs someone this week, each with the rule behind it —
//! ordered by urgency; and the calendar of the next days for the Overview.

use chrono::NaiveDate;

use super::dates::{add_days, days_between};
use super::kpi::{KpiAssessment, KpiStatus, assess_all};
use super::partner::Partner;
use super::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AttentionKind {
    RedKpi,
    OverdueMilestone,
    ActionOverdue,
    CheckinOverdue,
    EarlyWarning,
    StaleKpi,
    AgreementReview,
    Renewal,
}

impl AttentionKind {
    /// The stable name used in `status --format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            AttentionKind::OverdueMilestone => "overdue_milestone",
            AttentionKind::RedKpi => "red_kpi",
            AttentionKind::EarlyWarning => "early_warning",
            AttentionKind::StaleKpi => "stale_kpi",
            AttentionKind::CheckinOverdue => "checkin_overdue",
            AttentionKind::AgreementReview => "agreement_review",
            AttentionKind::Renewal => "renewal",
            AttentionKind::ActionOverdue => "action_overdue",
        }
    }

    /// A short label for lists.
    pub fn label(self) -> &'static str {
        match self {
            AttentionKind::OverdueMilestone => "late milestone",
            AttentionKind::RedKpi => "red KPI",
            AttentionKind::EarlyWarning => "KPI warning",
            AttentionKind::StaleKpi => "stale KPI",
            AttentionKind::CheckinOverdue => "check-in due",
            AttentionKind::AgreementReview => "review due",
            AttentionKind::Renewal => "renewal due",
            AttentionKind::ActionOverdue => "late action",
        }
    }
}

/// One thing that needs attention.
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionItem {
    /// The partner's id (its file name without `.ron`).
    pub partner: String,
    pub partner_name: String,
    pub kind: AttentionKind,
    /// The thing itself, short: a KPI's name, a milestone's title, an action's text.
    pub subject: String,
    /// What needs attention, e.g. "KPI Joint revenue is red".
    pub what: String,
    /// The rule and numbers behind it.
    pub why: String,
    pub due: Option<NaiveDate>,
    /// How urgent, larger first: see `urgency`.
    pub urgency: i64,
}

impl AttentionItem {
    /// "KPI Joint revenue is red: 38% of the way to target, 61% expected by today".
    pub fn message(&self) -> String {
        format!("{}: {}", self.what, self.why)
    }

    /// "8 days late", "in 12 days", or "" when the item has no date.
    pub fn timing(&self, today: NaiveDate) -> String {
        match self.due {
            None => String::new(),
            Some(due) => match days_between(today, due) {
                0 => "today".into(),
                1 => "tomorrow".into(),
                -1 => "1 day late".into(),
                n if n < 0 => format!("{} days late", -n),
                n => format!("in {n} days"),
            },
        }
    }
}

/// How bad an item is, for a symbol at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Already wrong: a red KPI, or something past its date.
    Critical,
    /// Heading the wrong way: an early warning, a stale KPI.
    Warning,
    /// Coming due.
    Upcoming,
}

impl AttentionItem {
    pub fn severity(&self, today: NaiveDate) -> Severity {
        match self.kind {
            AttentionKind::RedKpi => Severity::Critical,
            AttentionKind::EarlyWarning | AttentionKind::StaleKpi => Severity::Warning,
            _ if self.due.is_some_and(|due| due < today) => Severity::Critical,
            _ => Severity::Upcoming,
        }
    }
}

/// The urgency rule: red KPIs first (the partnership is missing what it set out to
/// do), then things past their date (the later, the higher), then early warnings and
/// stale KPIs, then what is coming due (the sooner, the higher).
fn urgency(kind: AttentionKind, due: Option<NaiveDate>, today: NaiveDate) -> i64 {
    let late_by = due.map_or(0, |due| days_between(due, today));
    match kind {
        AttentionKind::RedKpi => 3_000_000,
        AttentionKind::EarlyWarning | AttentionKind::StaleKpi => 1_000_000 + late_by,
        _ if late_by > 0 => 2_000_000 + late_by,
        _ => late_by,
    }
}

/// Everything about `partner` that needs attention on `today`. Partners in closed
/// stages (paused, ended) raise nothing.
pub fn partner_attention(
    id: &str,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let assessments = assess_all(partner, workspace, today);
    attention_from(id, partner, workspace, today, &assessments)
}

/// `partner_attention`, from the partner's KPI assessments already made.
pub fn attention_from(
    id: &str,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
    assessments: &[KpiAssessment],
) -> Vec<AttentionItem> {
    let mut items = Vec::new();
    if workspace.is_closed_stage(&partner.stage) {
        return items;
    }
    let mut push = |kind, subject: &str, what: String, why: String, due: Option<NaiveDate>| {
        items.push(AttentionItem {
            partner: id.to_string(),
            partner_name: partner.name.clone(),
            kind,
            subject: subject.to_string(),
            what,
            why,
            due,
            urgency: urgency(kind, due, today),
        });
    };
    let cadence = partner.cadence_days(workspace.checkin_cadence_days);

    for milestone in partner.milestones.iter().filter(|m| m.is_overdue(today)) {
        let slip = match milestone.slip_days() {
            0 => String::new(),
            days => format!(
                ", moved {days:+} days; first planned for {}",
                milestone.planned_due
            ),
        };
        push(
            AttentionKind::OverdueMilestone,
            &milestone.title,
            format!("Milestone “{}” is overdue", milestone.title),
            format!(
                "due {}, still {}{slip}",
                milestone.due,
                milestone.status.label()
            ),
            Some(milestone.due),
        );
    }

    // One item per KPI, the most serious of what it shows: red, else an early
    // warning, else a stale flag (the explanation carries the others).
    for (kpi, assessment) in partner.kpis.iter().zip(assessments) {
        let why = strip_name(&assessment.explanation, &kpi.name);
        if assessment.status == KpiStatus::Red {
            push(
                AttentionKind::RedKpi,
                &kpi.name,
                format!("KPI {} is red", kpi.name),
                why,
                None,
            );
        } else if assessment.early_warning {
            push(
                AttentionKind::EarlyWarning,
                &kpi.name,
                format!("KPI {} is heading for a miss", kpi.name),
                why,
                Some(kpi.target_date),
            );
        } else if assessment.stale {
            let last = assessment
                .latest
                .as_ref()
                .map_or(kpi.start, |reading| reading.date);
            push(
                AttentionKind::StaleKpi,
                &kpi.name,
                format!("KPI {} is stale", kpi.name),
                why,
                Some(add_days(last, i64::from(cadence))),
            );
        }
    }

    if workspace.is_checkin_stage(&partner.stage) {
        let last = partner.last_checkin(today);
        let since = last.unwrap_or(partner.stage_since);
        let due = partner.checkin_due(workspace.checkin_cadence_days, today);
        if due < today {
            let why = match last {
                Some(last) => format!("last check-in {last}; one expected every {cadence} days"),
                None => format!(
                    "no check-in since it entered {} on {since}; one expected every {cadence} days",
                    workspace.stage_name(&partner.stage)
                ),
            };
            push(
                AttentionKind::CheckinOverdue,
                &format!("every {cadence} days"),
                "Check-in overdue".to_string(),
                why,
                Some(due),
            );
        }
    }

    // The agreement's own notice periods, else the workspace's.
    let review_notice = partner
        .agreement
        .review_notice(workspace.review_notice_days);
    let renewal_notice = partner
        .agreement
        .renewal_notice(workspace.renewal_notice_days);
    if let Some(review) = partner.agreement.next_review
        && days_between(today, review) <= i64::from(review_notice)
    {
        push(
            AttentionKind::AgreementReview,
            &format!("on {review}"),
            "Agreement review".to_string(),
            format!("next review {review}; flagged {review_notice} days ahead"),
            Some(review),
        );
    }

    if let Some(expires) = partner.agreement.expires
        && days_between(today, expires) <= i64::from(renewal_notice)
    {
        let why = if expires < today {
            format!("the agreement expired on {expires}")
        } else {
            format!("the agreement expires {expires}; flagged {renewal_notice} days ahead")
        };
        push(
            AttentionKind::Renewal,
            &format!("expires {expires}"),
            "Agreement renewal".to_string(),
            why,
            Some(expires),
        );
    }

    for action in partner.actions.iter().filter(|a| a.is_overdue(today)) {
        let owner = if action.owner.is_empty() {
            "no owner".to_string()
        } else {
            workspace.member_name(&action.owner).to_string()
        };
        push(
            AttentionKind::ActionOverdue,
            &action.text,
            format!("Action “{}” is overdue", action.text),
            format!(
                "due {}, {owner}",
                action.due.map(|d| d.to_string()).unwrap_or_default()
            ),
            action.due,
        );
    }
    items
}

/// "Joint revenue: 38% …" → "38% …": the item already names the KPI.
fn strip_name(explanation: &str, name: &str) -> String {
    explanation
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(explanation)
        .to_string()
}

/// Sorts items by urgency, most urgent first; ties by partner name then what.
pub fn sort_by_urgency(items: &mut [AttentionItem]) {
    items.sort_by_cached_key(|item| {
        (
            std::cmp::Reverse(item.urgency),
            item.partner_name.to_lowercase(),
            item.kind,
            item.what.clone(),
        )
    });
}

/// Everything in the portfolio that needs attention, most urgent first.
pub fn portfolio_attention<'a>(
    partners: impl IntoIterator<Item = (&'a str, &'a Partner)>,
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let mut items: Vec<AttentionItem> = partners
        .into_iter()
        .flat_map(|(id, partner)| partner_attention(id, partner, workspace, today))
        .collect();
    sort_by_urgency(&mut items);
    items
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UpcomingKind {
    Milestone,
    CheckIn,
    Review,
    Renewal,
    Action,
}

impl UpcomingKind {
    pub fn label(self) -> &'static str {
        match self {
            UpcomingKind::Milestone => "milestone",
            UpcomingKind::CheckIn => "check-in",
            UpcomingKind::Review => "review",
            UpcomingKind::Renewal => "renewal",
            UpcomingKind::Action => "action",
        }
    }
}

/// Something falling due in the coming days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub date: NaiveDate,
    pub partner: String,
    pub partner_name: String,
    pub kind: UpcomingKind,
    pub what: String,
}

/// What falls due from today to `days` ahead: open milestones, check-ins, agreement
/// reviews, renewals and open action items; by date, then partner.
pub fn upcoming<'a>(
    partners: impl IntoIterator<Item = (&'a str, &'a Partner)>,
    workspace: &Workspace,
    today: NaiveDate,
    days: i64,
) -> Vec<Upcoming> {
    let in_window = |date: NaiveDate| (0..=days).contains(&days_between(today, date));
    let mut list = Vec::new();
    for (id, partner) in partners {
        if workspace.is_closed_stage(&partner.stage) {
            continue;
        }
        let mut add = |date: NaiveDate, kind, what: String| {
            if in_window(date) {
                list.push(Upcoming {
                    date,
                    partner: id.to_string(),
                    partner_name: partner.name.clone(),
                    kind,
                    what,
                });
            }
        };
        for milestone in partner.milestones.iter().filter(|m| m.is_open()) {
            add(
                milestone.due,
                UpcomingKind::Milestone,
                milestone.title.clone(),
            );
        }
        if workspace.is_checkin_stage(&partner.stage) {
            let cadence = partner.cadence_days(workspace.checkin_cadence_days);
            add(
                partner.checkin_due(workspace.checkin_cadence_days, today),
                UpcomingKind::CheckIn,
                format!("check-in (every {cadence} days)"),
            );
        }
        if let Some(review) = partner.agreement.next_review {
            add(review, UpcomingKind::Review, "agreement review".into());
        }
        if let Some(expires) = partner.agreement.expires {
            add(expires, UpcomingKind::Renewal, "agreement expires".into());
        }
        for action in partner.open_actions() {
            if let Some(due) = action.due {
                add(due, UpcomingKind::Action, action.text.clone());
            }
        }
    }
    list.sort_by_cached_key(|entry| {
        (
            entry.date,
            entry.partner_name.to_lowercase(),
            entry.kind,
            entry.what.clone(),
        )
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::{Kpi, Reading};
    use crate::domain::partner::{ActionItem, CheckIn};
    use crate::domain::timeline::{Milestone, MilestoneStatus};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn workspace() -> Workspace {
        Workspace::new("T")
    }

    fn partner(name: &str, stage: &str) -> Partner {
        let mut partner = Partner::new(name, "startup", "maya", stage, day("2026-06-01"));
        partner
            .checkins
            .push(CheckIn::new(day("2026-11-25"), "maya"));
        partner
    }

    fn kpi(name: &str, readings: &[(&str, f64)]) -> Kpi {
        Kpi {
            perspective: "financial".into(),
            unit: "k€".into(),
            readings: readings
                .iter()
                .map(|(date, value)| Reading::new(day(date), *value))
                .collect(),
            ..Kpi::new(name, (0.0, 100.0), (day("2026-09-01"), day("2027-03-01")))
        }
    }

    fn kinds(items: &[AttentionItem]) -> Vec<&'static str> {
        items.iter().map(|item| item.kind.as_str()).collect()
    }

    #[test]
    fn a_healthy_partner_needs_nothing() {
        let partner = partner("Acme", "active");
        assert!(partner_attention("acme", &partner, &workspace(), today()).is_empty());
    }

    #[test]
    fn every_kind_is_raised_with_its_reason() {
        let mut p = partner("Acme", "active");
        p.checkins.clear();
        p.stage_since = day("2026-11-01");
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-11-10"));
        milestone.move_due(10, day("2026-11-05"), "maya");
        milestone.status = MilestoneStatus::Blocked;
        p.milestones.push(milestone);
        p.kpis.push(kpi("Revenue", &[("2026-11-20", 5.0)]));
        p.kpis.push(kpi("Leads", &[("2026-10-01", 30.0)]));
        // Green but flattening (an early warning), and 24 days old (stale too).
        p.kpis.push(kpi(
            "Signups",
            &[
                ("2026-10-07", 40.0),
                ("2026-10-14", 44.0),
                ("2026-10-21", 46.0),
                ("2026-11-04", 47.0),
            ],
        ));
        p.agreement.next_review = Some(day("2026-12-10"));
        p.agreement.expires = Some(day("2027-01-15"));
        let mut review = crate::domain::partner::Review::new(day("2026-10-01"), "maya");
        review.id = "rv-1".into();
        review.adjustments = vec!["ac-1".into()];
        p.reviews.push(review);
        p.actions.push(ActionItem {
            id: "ac-1".into(),
            text: "Send the deck".into(),
            owner: "maya".into(),
            due: Some(day("2026-11-20")),
            origin: Some("rv-1".into()),
            ..ActionItem::default()
        });
        let mut items = partner_attention("acme", &p, &workspace(), today());
        sort_by_urgency(&mut items);
        assert_eq!(
            kinds(&items),
            [
                "red_kpi",
                "checkin_overdue",
                "overdue_milestone",
                "action_overdue",
                "stale_kpi",
                "early_warning",
                "agreement_review",
                "renewal"
            ]
        );
        let red = &items[0];
        assert_eq!(red.what, "KPI Revenue is red");
        assert_eq!(
            red.why,
            "44 points behind plan (5% of the way, 49% expected by today) → red"
        );
        let milestone = items
            .iter()
            .find(|i| i.kind == AttentionKind::OverdueMilestone)
            .unwrap();
        assert_eq!(
            milestone.why,
            "due 2026-11-20, still blocked, moved +10 days; first planned for 2026-11-10"
        );
        assert_eq!(milestone.timing(today()), "8 days late");
        let checkin = items
            .iter()
            .find(|i| i.kind == AttentionKind::CheckinOverdue)
            .unwrap();
        assert!(
            checkin
                .why
                .contains("no check-in since it entered Active on 2026-11-01")
        );
        let review = items
            .iter()
            .find(|i| i.kind == AttentionKind::AgreementReview)
            .unwrap();
        assert_eq!(review.timing(today()), "in 12 days");
    }

    #[test]
    fn reviews_and_renewals_outside_their_notice_are_quiet() {
        let mut p = partner("Acme", "active");
        p.agreement.next_review = Some(day("2026-12-29"));
        p.agreement.expires = Some(day("2027-01-28"));
        assert!(partner_attention("acme", &p, &workspace(), today()).is_empty());
        p.agreement.expires = Some(day("2026-11-01"));
        let items = partner_attention("acme", &p, &workspace(), today());
        assert_eq!(items[0].why, "the agreement expired on 2026-11-01");
    }

    #[test]
    fn the_agreement_s_notice_periods_override_the_workspace_s() {
        let mut p = partner("Acme", "active");
        // 31 days ahead: outside the workspace's 30 days, inside the agreement's 45.
        p.agreement.next_review = Some(day("2026-12-29"));
        assert!(partner_attention("acme", &p, &workspace(), today()).is_empty());
        p.agreement.review_notice_days = Some(45);
        let items = partner_attention("acme", &p, &workspace(), today());
        assert_eq!(kinds(&items), ["agreement_review"]);
        assert_eq!(
            items[0].why,
            "next review 2026-12-29; flagged 45 days ahead"
        );
        let mut shorter = workspace();
        shorter.renewal_notice_days = 10;
        p.agreement.next_review = None;
        p.agreement.expires = Some(day("2026-12-20"));
        assert!(partner_attention("acme", &p, &shorter, today()).is_empty());
    }

    #[test]
    fn closed_stages_raise_nothing_and_prospects_need_no_checkin() {
        let mut paused = partner("Acme", "paused");
        paused
            .milestones
            .push(Milestone::new("Late", "Launch", day("2026-01-01")));
        assert!(partner_attention("acme", &paused, &workspace(), today()).is_empty());
        let mut prospect = partner("Beta", "prospect");
        prospect.checkins.clear();
        assert!(partner_attention("beta", &prospect, &workspace(), today()).is_empty());
    }

    #[test]
    fn more_late_is_more_urgent_and_ties_go_by_name() {
        let mut a = partner("Zeta", "active");
        a.milestones
            .push(Milestone::new("A", "Launch", day("2026-11-20")));
        let mut b = partner("Alpha", "active");
        b.milestones
            .push(Milestone::new("B", "Launch", day("2026-11-10")));
        let mut c = partner("Beta", "active");
        c.milestones
            .push(Milestone::new("C", "Launch", day("2026-11-20")));
        let items = portfolio_attention(
            [("zeta", &a), ("alpha", &b), ("beta", &c)],
            &workspace(),
            today(),
        );
        let order: Vec<_> = items.iter().map(|i| i.partner.as_str()).collect();
        assert_eq!(order, ["alpha", "beta", "zeta"]);
    }

    #[test]
    fn upcoming_lists_the_next_days_in_date_order() {
        let mut p = partner("Acme", "active");
        p.milestones
            .push(Milestone::new("Pilot", "Launch", day("2026-12-05")));
        p.milestones
            .push(Milestone::new("Too far", "Launch", day("2026-12-20")));
        p.milestones
            .push(Milestone::new("Late", "Launch", day("2026-11-20")));
        p.agreement.next_review = Some(day("2026-12-01"));
        let list = upcoming([("acme", &p)], &workspace(), today(), 14);
        let what: Vec<_> = list.iter().map(|u| (u.date.to_string(), u.kind)).collect();
        assert_eq!(
            what,
            [
                ("2026-12-01".to_string(), UpcomingKind::Review),
                ("2026-12-05".to_string(), UpcomingKind::Milestone),
                ("2026-12-09".to_string(), UpcomingKind::CheckIn),
            ]
        );
    }
}
