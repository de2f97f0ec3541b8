//! The twelve demo partners, each a small story: a sponsor falling behind its plan,
//! a device maker selling well but slowing, a council whose figures stopped coming,
//! a university lab working without a signed agreement, an agency whose contract
//! lapsed while it expands, a retailer negotiating after a trial, four candidates,
//! a paused and an ended partnership.

use crate::domain::kpi::{Direction, KpiClosed, KpiKind, KpiOutcome};
use crate::domain::partner::ClauseStatus::{Agreed, Drafting, NeedsReview, NotStarted};
use crate::domain::partner::OutcomeRating::{Met, Missed, Partly};
use crate::domain::partner::Partner;
use crate::domain::partner::Side::{Joint, Ours, Theirs};
use crate::domain::partner::Tier::{self, Leadership, Operational, Tactical};

use super::{Demo, Ms, charter, contacts, roles, scores};

const UP: Direction = Direction::HigherIsBetter;
const DOWN: Direction = Direction::LowerIsBetter;
/// The charter meeting a check-in was.
const LEAD: Option<Tier> = Some(Leadership);
const OPS: Option<Tier> = Some(Operational);
const TACT: Option<Tier> = Some(Tactical);

// The partners below are tables of records, one record per line. rustfmt would put
// every field of every record on its own line and triple the length, so the block is
// laid out by hand.
#[rustfmt::skip]
impl Demo<'_> {
    /// The usual path from prospect to a working partnership.
    fn launched(author: &str, [assess, formalize, active]: [i64; 3]) -> [(i64, &str, &str, &str); 3] {
        [
            (assess, author, "Assessing", "First call went well; worth a proper look"),
            (formalize, author, "Formalizing", "Scores clear the bar; drafting terms"),
            (active, author, "Active", "Agreement signed; joint work starts"),
        ]
    }

    /// `(date, outcome, note)` of a KPI closed `day` days from today.
    fn closed(&self, day: i64, outcome: KpiOutcome, note: &str) -> Option<KpiClosed> {
        Some(KpiClosed { date: self.d(day), outcome, note: note.into() })
    }

    /// Behind its plan: a red KPI tied to a goal, late and re-planned milestones, an
    /// overdue deliverable, a leadership meeting not held, the sponsor's mood
    /// dropping, a partnership review and an agreement review coming up.
    pub(super) fn harbourline(&self) -> Partner {
        let mut p = self.partner(
            ("Harbourline Mutual", "corporate sponsor", "amara"),
            -260,
            &["sponsorship", "food-banks", "csr"],
            "Regional insurer paying for three years of free licences for food banks and advice charities \
             in its home region, with staff volunteering logged through our app. Onboarding is well \
             behind the plan its board signed off.",
            &Self::launched("amara", [-230, -190, -150]),
        );
        p.contacts = contacts("harbourline.example", &[
            ("Ruth Okonkwo", "Head of Community Investment", Theirs),
            ("Declan Moss", "CSR Programme Coordinator", Theirs),
            ("Amara Nwosu", "Head of Partnerships", Ours),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Get 60 charities live on sponsored licences", "charities live", "60", Some(60), "priya", true),
            ("Log 12,000 staff volunteering hours in the app", "hours logged", "12,000", Some(240), "priya", true),
            ("Publish a joint impact report for the sponsor's AGM", "", "", Some(120), "amara", false),
        ]);
        p.roles = roles(&[
            (Ours, "Priya Raman", "Onboards charities and runs the sign-up clinics"),
            (Ours, "Tomas Ferreira", "Issues licence codes and reports spend each quarter"),
            (Theirs, "Declan Moss", "Recruits staff volunteers and promotes the scheme inside Harbourline"),
            (Joint, "Steering group", "Sets priorities and signs off the impact report"),
        ]);
        p.agreement = self.agreement(
            (Some(-155), Some(18), Some(575)),
            [
                (Agreed, "Quarterly steering group, chaired alternately"),
                (Agreed, "£180k over three years, paid quarterly in advance"),
                (NeedsReview, "The 60-charity target looks unrealistic; revisit at the review"),
                (Agreed, "Each side keeps its own; the sponsor may quote anonymised figures"),
                (Agreed, "Steering group first, then an independent mediator"),
                (Drafting, "Licences must outlive an early exit by 12 months"),
                (NotStarted, ""),
            ],
            &[
                ("Licence codes for the first wave", "tomas", -140, Agreed, "120 codes issued"),
                ("Quarterly impact summary", "priya", -8, Drafting, "Waiting on the hours data"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 90, "Ruth Okonkwo, Amara Nwosu", "Budget and direction"),
                (Operational, 14, "Declan Moss, Priya Raman", "Onboarding pipeline and blockers"),
            ],
            ("Email", "Video call"),
            48,
            &["Priya Raman ↔ Declan Moss", "Amara Nwosu ↔ Ruth Okonkwo", "Steering group"],
            "Charity names and client numbers stay internal; sponsor reports carry totals only.",
        );
        p.scores = scores(&[
            (4, "Funds exactly the charities we already serve"),
            (3, "Strong community team, no software experience"),
            (2, "Brings money rather than new ideas"),
            (3, "Keen, but every decision goes through their board"),
            (4, "Budget matches our licence model"),
            (3, "Cautious and process-heavy, but friendly"),
            (5, "Large, profitable mutual"),
            (3, "Two earlier community schemes, both modest"),
        ]);
        p.milestones = self.milestones(vec![
            ("Sign the sponsorship agreement", "Agreement", "amara", -190, -160, -160, Ms::Done(-155)),
            ("Issue licence codes to the first wave", "Launch", "tomas", -150, -135, -135, Ms::Done(-136)),
            ("Onboard the first 30 charities", "Launch", "priya", -135, -24, -10, Ms::Going),
            ("Single sign-on for sponsor volunteers", "Launch", "jonas", -60, -20, -3,
                Ms::Blocked("Waiting on Harbourline's identity team for a test window")),
            ("Mid-term impact review", "Evaluation", "amara", 4, 18, 18, Ms::Planned),
        ]);
        self.replans(&mut p.milestones, "Onboard the first 30 charities", &[
            (-30, "priya", -10, "Charities stall at the sign-up form; two clinics added first"),
        ]);
        self.replans(&mut p.milestones, "Single sign-on for sponsor volunteers", &[
            (-27, "jonas", -10, "Their identity team moved the test window"),
            (-12, "jonas", -3, "Test window moved again"),
        ]);
        for (milestone, goal) in p.milestones.iter_mut().zip([
            None,
            Some("Get 60 charities live on sponsored licences"),
            Some("Get 60 charities live on sponsored licences"),
            Some("Log 12,000 staff volunteering hours in the app"),
            Some("Publish a joint impact report for the sponsor's AGM"),
        ]) {
            milestone.goal = goal.map(String::from);
        }
        p.kpis = vec![
            self.kpi("Charities live", ("Customer", "charities"), UP, (0.0, 60.0), (-120, 60),
                Some("Get 60 charities live on sponsored licences"),
                self.weekly(-3, &[8.0, 11.0, 10.0, 13.0, 13.0, 15.0, 18.0, 17.0, 20.0, 22.0])),
            self.kpi("Volunteering hours", ("Operations", "h"), UP, (0.0, 12_000.0), (-120, 240),
                Some("Log 12,000 staff volunteering hours in the app"),
                self.on_days(&[
                    (-66, 1_450.0), (-59, 1_790.0), (-45, 2_330.0), (-38, 2_660.0), (-31, 2_880.0),
                    (-24, 3_290.0), (-17, 3_510.0), (-10, 3_905.0), (-3, 4_180.0),
                ])),
        ];
        p.feedback = self.feedback(&[
            (-80, "Declan Moss", Theirs, 4, "Staff love logging their volunteering in the app."),
            (-40, "Declan Moss", Theirs, 4, "Live charities love it; the sign-up form is the bottleneck."),
            (-20, "Priya Raman", Ours, 3, "Their identity team keeps moving the single sign-on date."),
            (-6, "Ruth Okonkwo", Theirs, 2, "The board is asking why only a third of the charities are live."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-100, "amara", LEAD, "Year-two budget confirmed; Ruth wants onboarding faster.", &[]),
            self.checkin(-58, "priya", OPS, "Sign-up clinic booked for the stalled charities.", &[
                ("Run a sign-up clinic for stalled charities", "priya", -45, Some(-47)),
            ]),
            self.checkin(-44, "priya", OPS, "The clinic got five charities live; the rest need calls.", &[]),
            self.checkin(-30, "amara", OPS, "Single sign-on slipped again; escalated to Ruth.", &[
                ("Ask Ruth to unblock their identity team", "amara", -23, Some(-25)),
            ]),
            self.checkin(-16, "priya", OPS, "Three more charities live; a guide for the stalled ones agreed.", &[
                ("Send a simplified sign-up guide to 20 stalled charities", "priya", -5, None),
                ("Confirm the single sign-on test window", "Declan Moss", -9, None),
            ]),
            self.checkin(-3, "amara", OPS, "Ruth is worried about her board; prepare numbers for the review.", &[
                ("Draft a revised onboarding plan for the review", "amara", 10, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-80, "amara", "Months 1–3"),
            &[
                ("Get 60 charities live on sponsored licences", Partly, "9 live against 20 planned"),
                ("Log 12,000 staff volunteering hours in the app", Met, "On pace"),
            ],
            "Staff volunteering took off without any push from us.",
            "Charities struggle with the sign-up form, and single sign-on keeps slipping.",
            &[],
            &[("Shorten the charity sign-up form", "jonas", -50, Some(-52))],
        )]);
        p
    }

    /// Selling well but slowing: green today, an early warning on the shipments,
    /// a maintain KPI for support, a trial agreement amended into the full one, a
    /// cancelled milestone, two reviews.
    pub(super) fn kestrel(&self) -> Partner {
        let mut p = self.partner(
            ("Kestrel Devices", "hardware manufacturer", "jonas"),
            -300,
            &["hardware", "bundle", "field-work"],
            "Maker of rugged tablets for outreach workers. Our app ships preinstalled; together we sell \
             the bundle to councils and charities and share first-line support.",
            &Self::launched("jonas", [-270, -220, -170]),
        );
        p.contacts = contacts("kestrel.example", &[
            ("Ines Varga", "Channel Director", Theirs),
            ("Owen Pryce", "Firmware Lead", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
        ]);
        p.goals = self.goals(&[
            ("Ship 2,000 tablets with the app preinstalled", "units shipped", "2,000", Some(100), "jonas", true),
            ("Keep the median first response to tickets at 4 hours or less", "median first response", "4 h", Some(190), "tomas", true),
            ("Explore a joint offline-first product line", "", "", None, "jonas", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Owen Pryce", "Keeps the preinstall image current with each firmware release"),
            (Theirs, "Ines Varga", "Runs the reseller channel and quotes"),
            (Ours, "Jonas Lindqvist", "Joint sales calls and the partner price list"),
            (Ours, "Tomas Ferreira", "First-line support rota for bundle customers"),
        ]);
        p.agreement = self.agreement(
            (Some(-175), Some(75), Some(920)),
            [
                (Agreed, "Monthly channel board; Ines and Jonas decide jointly"),
                (Agreed, "Revenue share 70/30 on bundle sales"),
                (Agreed, "Units shipped and support response, reviewed monthly"),
                (Agreed, "Each keeps its own code and hardware designs"),
                (Agreed, "Escalate to both chief executives, then arbitration"),
                (NeedsReview, "Who supports installed units after an exit?"),
                (Drafting, "Price review when component costs move by more than 10%"),
            ],
            &[
                ("Preinstall image v2", "jonas", -60, Agreed, "Signed off by both"),
                ("Joint support runbook", "tomas", 9, Drafting, "Second draft with Owen"),
            ],
        );
        p.agreement.amendments = vec![
            self.amendment(-90, "The six-month trial became the full three-year reseller agreement \
                after the first 500 units", Some(920)),
        ];
        p.charter = charter(
            Some(7),
            &[
                (Leadership, 30, "Ines Varga, Amara Nwosu", "Channel board"),
                (Operational, 7, "Owen Pryce, Jonas Lindqvist", "Shipments, firmware and tickets"),
            ],
            ("Shared chat channel", "Email"),
            8,
            &["Jonas Lindqvist ↔ Owen Pryce", "Amara Nwosu ↔ Ines Varga"],
            "Firmware roadmaps are under NDA; customer lists are shared only for joint deals.",
        );
        p.scores = scores(&[
            (5, "Their buyers are our buyers"),
            (5, "Twenty years of rugged hardware"),
            (4, "Open to an offline-first product"),
            (4, "Named a firmware lead from day one"),
            (3, "Hardware margins squeeze the revenue share"),
            (4, "Engineers on both sides get on well"),
            (4, "Profitable and family-owned"),
            (4, "Two similar software bundles still running"),
        ]);
        p.milestones = self.milestones(vec![
            ("Hardware compatibility tests", "Foundation", "jonas", -260, -230, -230, Ms::Done(-232)),
            ("Trial reseller agreement signed", "Agreement", "jonas", -210, -175, -175, Ms::Done(-175)),
            ("First 500 units shipped", "Launch", "jonas", -150, -80, -80, Ms::Done(-82)),
            ("Offline-first prototype", "Expansion", "jonas", -60, -10, -10, Ms::Cancelled),
            ("Certify the app on firmware 5.2", "Launch", "jonas", -30, 12, 12,
                Ms::Blocked("Kestrel's security audit of firmware 5.2")),
            ("Joint support runbook", "Launch", "tomas", -20, 9, 9, Ms::Going),
            ("Spring promotion with resellers", "Expansion", "jonas", 20, 40, 40, Ms::Planned),
        ]);
        for (milestone, goal, deliverable) in p.milestones.iter_mut().zip([
            (None, None),
            (None, None),
            (Some("Ship 2,000 tablets with the app preinstalled"), None),
            (Some("Explore a joint offline-first product line"), None),
            (None, None),
            (Some("Keep the median first response to tickets at 4 hours or less"), Some("Joint support runbook")),
            (Some("Ship 2,000 tablets with the app preinstalled"), None),
        ]).map(|(m, (g, d))| (m, g, d)) {
            milestone.goal = goal.map(String::from);
            milestone.deliverable = deliverable.map(String::from);
        }
        p.kpis = vec![
            self.kpi("Tablets shipped with the app", ("Customer", "units"), UP, (0.0, 2_000.0), (-140, 100),
                Some("Ship 2,000 tablets with the app preinstalled"),
                self.weekly(-2, &[905.0, 992.0, 1_026.0, 1_101.0, 1_108.0, 1_152.0, 1_149.0, 1_176.0, 1_183.0, 1_194.0])),
            crate::domain::kpi::Kpi {
                kind: KpiKind::Maintain,
                decimals: Some(1),
                ..self.kpi("Median first response to tickets", ("Operations", "h"), DOWN, (24.0, 4.0), (-140, 190),
                    Some("Keep the median first response to tickets at 4 hours or less"),
                    self.every(14, -4, &[9.5, 7.0, 5.2, 4.4, 3.9, 3.6, 3.8, 3.5, 3.7, 3.4]))
            },
        ];
        p.feedback = self.feedback(&[
            (-100, "Ines Varga", Theirs, 4, "The trial proved the bundle; resellers want the full price list."),
            (-60, "Owen Pryce", Theirs, 4, "Preinstall image v2 went through our QA first time."),
            (-35, "Ines Varga", Theirs, 5, "Resellers say the preinstalled app closes deals."),
            (-21, "Owen Pryce", Theirs, 4, "Firmware 5.2 sign-off waits on our security audit, not on you."),
            (-9, "Tomas Ferreira", Ours, 4, "Tickets are down since the runbook draft."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-25, "jonas", OPS, "Shipments slowing as the school-year orders end.", &[
                ("Ask resellers for their next-quarter pipeline", "jonas", -18, Some(-19)),
            ]),
            self.checkin(-20, "amara", LEAD, "Channel board: spring promotion approved in principle.", &[]),
            self.checkin(-18, "jonas", OPS, "Reseller pipeline is thin until the new budget year.", &[]),
            self.checkin(-11, "tomas", OPS, "Second runbook draft sent to Owen.", &[
                ("Agree severity levels in the runbook", "tomas", -4, Some(-5)),
            ]),
            self.checkin(-4, "jonas", OPS, "Firmware 5.2 certification blocked by Kestrel's security audit.", &[
                ("Plan a spring promotion with Ines", "jonas", 10, None),
                ("Share the date of the firmware 5.2 audit", "Owen Pryce", 5, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![
            self.review(
                (-110, "jonas", "Trial, months 1–2"),
                &[
                    ("Ship 2,000 tablets with the app preinstalled", Partly, "320 shipped; the trial target was 300"),
                    ("Keep the median first response to tickets at 4 hours or less", Missed, "Still 9.5 h"),
                ],
                "Preinstalling the app removed the setup visit for most customers.",
                "Support hand-offs between the two teams were slow.",
                &[],
                &[("Write a joint support runbook", "tomas", -20, Some(-20))],
            ),
            self.review(
                (-20, "jonas", "Months 4–6"),
                &[
                    ("Ship 2,000 tablets with the app preinstalled", Partly, "1,150 shipped; orders slowing"),
                    ("Keep the median first response to tickets at 4 hours or less", Met, "3.7 h"),
                ],
                "The runbook draft alone cut response times by half.",
                "School-year orders end in autumn; the pipeline is thin until spring.",
                &[],
                &[("Ask Ines for a reseller forecast to March", "jonas", 14, None)],
            ),
        ]);
        p
    }

    /// The figures stopped coming: a KPI gone stale (amber), check-ins and the
    /// programme's operational meeting overdue, actions late on both sides.
    pub(super) fn millbrook(&self) -> Partner {
        let mut p = self.partner(
            ("Millbrook City Council", "public body", "priya"),
            -210,
            &["public-sector", "digital-inclusion", "libraries"],
            "The council's digital inclusion programme: volunteers in eight branch libraries help \
             residents get online, booked and coordinated through our app.",
            &Self::launched("priya", [-180, -140, -105]),
        );
        p.contacts = contacts("millbrook.example", &[
            ("Gwen Hartley", "Digital Inclusion Officer", Theirs),
            ("Samir Qureshi", "Libraries Service Manager", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("400 residents complete the digital skills course", "completions", "400", Some(80), "priya", true),
            ("Hold 150 volunteer drop-in sessions", "sessions held", "150", Some(80), "priya", true),
            ("Every branch has a trained digital champion", "branches covered", "8", None, "priya", true),
        ]);
        p.roles = roles(&[
            (Theirs, "Gwen Hartley", "Recruits residents and reports to the council committee"),
            (Theirs, "Samir Qureshi", "Rooms, library staff time and drop-in timetables"),
            (Ours, "Priya Raman", "Volunteer rota, course material and app training"),
        ]);
        p.agreement = self.agreement(
            (Some(-110), Some(95), Some(250)),
            [
                (Agreed, "Programme board every two months, chaired by the council"),
                (Agreed, "Council grant of £42k for the year"),
                (Agreed, "Course completions and sessions, reported monthly"),
                (Agreed, "Course material shared under an open licence"),
                (Agreed, "The council's complaints procedure"),
                (Drafting, "Hand-over of booking data to the council if we part"),
                (NotStarted, "Wanted before any second year"),
            ],
            &[
                ("Course material pack", "priya", -90, Agreed, "Open licence"),
                ("Monthly programme report", "priya", 5, NeedsReview, "The council wants branch detail"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 60, "Programme board", "Budget and reporting to councillors"),
                (Operational, 14, "Gwen Hartley, Priya Raman", "Sessions, volunteers and numbers"),
            ],
            ("Email", "Phone"),
            72,
            &["Priya Raman ↔ Gwen Hartley", "Amara Nwosu ↔ Samir Qureshi", "Programme board"],
            "Residents' personal data stays in the council's systems; we see booking counts only.",
        );
        p.scores = scores(&[
            (5, "Digital inclusion is a council priority"),
            (3, "Great librarians, no volunteer management"),
            (2, "Procurement rules limit experiments"),
            (3, "Willing, but sign-off is slow"),
            (4, "They bring rooms and staff time, we bring volunteers"),
            (4, "Shared public-service values"),
            (4, "Ring-fenced grant for the year"),
            (0, ""),
        ]);
        p.milestones = self.milestones(vec![
            ("Grant agreement signed", "Agreement", "priya", -130, -110, -110, Ms::Done(-110)),
            ("Drop-ins open in the first four branches", "Launch", "priya", -100, -75, -75, Ms::Done(-72)),
            ("Train library staff as digital champions", "Launch", "priya", -40, -6, -6, Ms::Going),
            ("Drop-ins open in all eight branches", "Launch", "priya", -20, 10, 10, Ms::Going),
        ]);
        for (milestone, goal) in p.milestones.iter_mut().zip([
            None,
            Some("Hold 150 volunteer drop-in sessions"),
            Some("Every branch has a trained digital champion"),
            Some("Hold 150 volunteer drop-in sessions"),
        ]) {
            milestone.goal = goal.map(String::from);
        }
        p.kpis = vec![
            self.kpi("Residents completing the course", ("Learning", "residents"), UP, (0.0, 400.0), (-100, 80),
                Some("400 residents complete the digital skills course"),
                self.weekly(-24, &[14.0, 31.0, 44.0, 61.0, 70.0, 92.0, 104.0, 123.0, 139.0, 158.0, 171.0])),
            self.kpi("Drop-in sessions held", ("Operations", "sessions"), UP, (0.0, 150.0), (-100, 80),
                Some("Hold 150 volunteer drop-in sessions"),
                self.on_days(&[
                    (-87, 12.0), (-80, 20.0), (-66, 33.0), (-59, 41.0), (-52, 46.0), (-45, 55.0),
                    (-31, 66.0), (-24, 70.0), (-17, 78.0), (-10, 85.0), (-3, 92.0),
                ])),
        ];
        p.feedback = self.feedback(&[
            (-50, "Samir Qureshi", Theirs, 4, "Branches like having a regular volunteer slot."),
            (-30, "Gwen Hartley", Theirs, 3, "I need course numbers per branch for the committee."),
            (-10, "Priya Raman", Ours, 2, "Completion figures have not come through for three weeks."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-66, "priya", OPS, "Four branches running; volunteers happy.", &[
                ("Order headsets for two branches", "tomas", -55, Some(-58)),
            ]),
            self.checkin(-52, "priya", OPS, "The council wants reporting per branch.", &[]),
            self.checkin(-45, "amara", LEAD, "Programme board: second year depends on completion numbers.", &[]),
            self.checkin(-38, "priya", OPS, "Champion training dates set with Samir.", &[
                ("Book trainers for the champion sessions", "priya", -30, Some(-31)),
            ]),
            self.checkin(-24, "priya", OPS, "The completion export from the council's system broke.", &[
                ("Share next month's volunteer rota", "priya", -12, None),
                ("Chase the council for the completion export", "priya", -17, None),
                ("Send the fixed completion export", "Gwen Hartley", -10, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-40, "priya", "Months 1–2"),
            &[
                ("Hold 150 volunteer drop-in sessions", Met, "Ahead of plan"),
                ("400 residents complete the digital skills course", Partly, "Slow start at two branches"),
            ],
            "Regular weekly slots built trust with residents.",
            "Completion data depends on a manual export from the council.",
            &[],
            &[("Ask for an automatic completion feed", "priya", 20, None)],
        )]);
        p
    }

    /// Friendly and productive, but working on a letter of intent: no signed
    /// agreement, no partnership review yet, data requests stuck (a red KPI tied to
    /// a goal holds it at fair) and a new KPI too early to judge.
    pub(super) fn tidewater(&self) -> Partner {
        let mut p = self.partner(
            ("Tidewater University Civic Data Lab", "university research lab", "jonas"),
            -200,
            &["research", "impact-measurement", "data"],
            "A research lab studying what volunteer programmes change for the people they serve. \
             They get anonymised data; we get a tested way to measure our impact. Work started on a \
             letter of intent; the agreement itself has sat with the university's legal office since.",
            &[
                (-170, "jonas", "Assessing", "First call went well; worth a proper look"),
                (-130, "jonas", "Formalizing", "Scores clear the bar; drafting terms"),
                (-95, "jonas", "Active", "Letter of intent signed; fieldwork cannot wait for legal"),
            ],
        );
        p.contacts = contacts("tidewater.example", &[
            ("Mirela Costa", "Principal Investigator", Theirs),
            ("Kwame Asante", "Research Associate", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
            ("Tomas Ferreira", "Data Protection Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Collect 1,500 beneficiary survey responses", "responses", "1,500", Some(90), "jonas", true),
            ("Turn round data requests within 5 days", "days per request", "5", Some(90), "tomas", true),
            ("Co-author a paper on volunteer impact", "paper submitted", "1", Some(300), "jonas", false),
            ("Enrol 12 charities in the second study", "charities enrolled", "12", Some(355), "jonas", true),
        ]);
        p.roles = roles(&[
            (Theirs, "Mirela Costa", "Study design and ethics approval"),
            (Theirs, "Kwame Asante", "Survey fieldwork and analysis"),
            (Ours, "Tomas Ferreira", "Anonymised data extracts and data-protection checks"),
            (Ours, "Jonas Lindqvist", "Recruits charities into the study"),
        ]);
        p.agreement = self.agreement(
            (None, None, None),
            [
                (Agreed, "Joint steering committee each term"),
                (Agreed, "No money changes hands; the lab funds its own staff"),
                (Agreed, "Survey volume and request turnaround"),
                (NeedsReview, "The university's legal office wants to redraft publication rights"),
                (Agreed, "Head of department, then our chief executive"),
                (Agreed, "Data deleted within 30 days of an exit"),
                (Drafting, "Scope can grow to a second study by letter"),
            ],
            &[
                ("Ethics approval", "jonas", -110, Agreed, "Granted"),
                ("Interim findings", "jonas", 45, Drafting, "Outline agreed"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 120, "Mirela Costa, Amara Nwosu", "Steering committee"),
                (Operational, 14, "Kwame Asante, Jonas Lindqvist", "Fieldwork and data requests"),
            ],
            ("Email", "Video call"),
            48,
            &["Jonas Lindqvist ↔ Kwame Asante", "Amara Nwosu ↔ Mirela Costa"],
            "Only anonymised extracts leave our systems; drafts are shared before publication.",
        );
        p.scores = scores(&[
            (4, "Gives us the impact evidence funders ask for"),
            (5, "A leading lab in civic data"),
            (5, "A new way to measure outcomes"),
            (3, "The academic calendar slows decisions"),
            (3, "No budget, plenty of researchers"),
            (4, "Shared interest in honest evidence"),
            (3, "Grant-funded until the study ends"),
            (4, "Three earlier studies with charities"),
        ]);
        p.milestones = self.milestones(vec![
            ("Ethics approval", "Foundation", "jonas", -160, -120, -120, Ms::Done(-112)),
            ("Letter of intent signed", "Agreement", "tomas", -120, -100, -100, Ms::Done(-96)),
            ("Survey fieldwork", "Launch", "jonas", -60, 60, 60, Ms::Going),
            ("Interim findings workshop", "Evaluation", "jonas", 30, 45, 45, Ms::Planned),
        ]);
        for (milestone, goal) in p.milestones.iter_mut().zip([
            None,
            None,
            Some("Collect 1,500 beneficiary survey responses"),
            Some("Co-author a paper on volunteer impact"),
        ]) {
            milestone.goal = goal.map(String::from);
        }
        p.milestones[3].deliverable = Some("Interim findings".into());
        p.kpis = vec![
            self.kpi("Survey responses", ("Learning", "responses"), UP, (0.0, 1_500.0), (-90, 90),
                Some("Collect 1,500 beneficiary survey responses"),
                self.weekly(-3, &[205.0, 262.0, 348.0, 401.0, 470.0, 522.0, 604.0, 650.0, 712.0])),
            crate::domain::kpi::Kpi {
                decimals: Some(1),
                ..self.kpi("Data request turnaround", ("Operations", "days"), DOWN, (15.0, 5.0), (-90, 90),
                    Some("Turn round data requests within 5 days"),
                    self.every(14, -5, &[13.5, 12.0, 13.0, 12.5, 11.5, 12.0]))
            },
            self.kpi("Charities enrolled in the second study", ("Customer", "charities"), UP, (0.0, 12.0), (-10, 355),
                Some("Enrol 12 charities in the second study"),
                self.on_days(&[(-3, 1.0)])),
        ];
        p.feedback = self.feedback(&[
            (-120, "Mirela Costa", Theirs, 5, "The ethics board liked the consent design."),
            (-96, "Kwame Asante", Theirs, 4, "Extracts are clean; turnaround is the only pain."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-60, "amara", LEAD, "Steering committee: a second study if the first reports on time.", &[]),
            self.checkin(-40, "jonas", OPS, "Fieldwork under way at six charities.", &[
                ("Recruit two more charities to the study", "jonas", -20, Some(-14)),
            ]),
            self.checkin(-26, "jonas", OPS, "Survey pace up after the reminder texts.", &[]),
            self.checkin(-12, "jonas", OPS, "Data requests queue behind the lab's own deadlines.", &[
                ("Publish the data request template", "tomas", 2, None),
                ("Chase the legal office for the redrafted agreement", "Mirela Costa", 10, None),
            ]),
        ]);
        p
    }

    /// Expanding, with its contract lapsed: the agreement expired and its review is
    /// overdue, a KPI closed at a review, another amber with an early warning, the
    /// leads figure gone stale, three reviews and plenty of feedback.
    pub(super) fn fernhill(&self) -> Partner {
        let mut p = self.partner(
            ("Fernhill Creative", "marketing agency", "jonas"),
            -420,
            &["marketing", "lead-generation", "co-branding"],
            "Agency running our co-branded campaigns and webinars for charities. The first campaign \
             beat its targets, so a second one aimed at councils is being scoped; the renewal slipped \
             behind it and the contract lapsed.",
            &[
                (-400, "jonas", "Assessing", "Strong pitch and plenty of charity clients"),
                (-370, "jonas", "Formalizing", "Chosen over two other agencies"),
                (-340, "jonas", "Active", "Campaign contract signed"),
                (-40, "amara", "Expanding", "First campaign ahead of target; scoping a council campaign"),
            ],
        );
        p.contacts = contacts("fernhill.example", &[
            ("Lottie Brennan", "Account Director", Theirs),
            ("Marcus Adeyemi", "Campaign Manager", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
            ("Amara Nwosu", "Head of Partnerships", Ours),
        ]);
        p.goals = self.goals(&[
            ("Generate 400 qualified leads from charities", "qualified leads", "400", Some(30), "jonas", true),
            ("Bring the cost per lead down to £60", "cost per lead", "£60", Some(30), "jonas", true),
            ("Fill 600 webinar places", "sign-ups", "600", Some(-30), "jonas", true),
            ("Launch a campaign aimed at councils", "council leads", "", None, "amara", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Marcus Adeyemi", "Creative, ad buying and webinar logistics"),
            (Theirs, "Lottie Brennan", "Account lead and monthly reporting"),
            (Ours, "Jonas Lindqvist", "Messaging, product demos and lead follow-up"),
        ]);
        p.agreement = self.agreement(
            (Some(-345), Some(-20), Some(-5)),
            [
                (Agreed, "Monthly account review"),
                (Agreed, "Retainer plus a bonus per qualified lead"),
                (Agreed, "Qualified leads and cost per lead"),
                (Agreed, "We own the campaign assets once paid for"),
                (Agreed, "Account directors, then mediation"),
                (Agreed, "60 days' notice on either side"),
                (NeedsReview, "Needs a clause for adding the council campaign"),
            ],
            &[
                ("Charity campaign creative", "jonas", -300, Agreed, "Delivered"),
                ("Council campaign proposal", "amara", 21, Drafting, "Brief sent to Lottie"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 90, "Lottie Brennan, Amara Nwosu", "Renewal and strategy"),
                (Operational, 14, "Marcus Adeyemi, Jonas Lindqvist", "Campaign numbers"),
                (Tactical, 7, "Campaign team", "Creative and webinar run-throughs"),
            ],
            ("Shared chat channel", "Email"),
            24,
            &["Jonas Lindqvist ↔ Marcus Adeyemi", "Amara Nwosu ↔ Lottie Brennan"],
            "Lead data is ours; the agency may quote results only with our sign-off.",
        );
        p.scores = scores(&[
            (4, "Half their clients are charities"),
            (4, "Solid record in paid social"),
            (3, "Good copy, familiar formats"),
            (5, "Weekly rhythm from the first day"),
            (4, "The retainer fits our budget"),
            (5, "The same informal style as ours"),
            (3, "Small agency with healthy books"),
            (4, "Strong references"),
        ]);
        p.milestones = self.milestones(vec![
            ("Campaign brief agreed", "Foundation", "jonas", -380, -360, -360, Ms::Done(-362)),
            ("Charity campaign live", "Launch", "jonas", -330, -300, -300, Ms::Done(-301)),
            ("Six-month campaign review", "Evaluation", "jonas", -170, -150, -150, Ms::Done(-148)),
            ("Webinar season wrap-up", "Evaluation", "jonas", -30, -8, -8, Ms::Done(-9)),
            ("Council campaign proposal", "Expansion", "amara", -30, 14, 21, Ms::Going),
            ("Renewal signed", "Agreement", "amara", -40, -20, -3, Ms::Going),
        ]);
        self.replans(&mut p.milestones, "Council campaign proposal", &[
            (-12, "amara", 21, "Lottie wants the councils' own brief first"),
        ]);
        self.replans(&mut p.milestones, "Renewal signed", &[
            (-22, "amara", -3, "Their legal team wants the council clause settled first"),
        ]);
        for (milestone, goal) in p.milestones.iter_mut().zip([
            None,
            Some("Generate 400 qualified leads from charities"),
            None,
            Some("Fill 600 webinar places"),
            Some("Launch a campaign aimed at councils"),
            None,
        ]) {
            milestone.goal = goal.map(String::from);
        }
        p.milestones[4].deliverable = Some("Council campaign proposal".into());
        p.kpis = vec![
            self.kpi("Qualified leads", ("Customer", "leads"), UP, (0.0, 400.0), (-150, 30),
                Some("Generate 400 qualified leads from charities"),
                self.weekly(-18, &[188.0, 214.0, 230.0, 262.0, 271.0, 295.0, 318.0, 322.0, 347.0, 361.0])),
            self.kpi("Cost per qualified lead", ("Financial", "GBP"), DOWN, (120.0, 60.0), (-150, 30),
                Some("Bring the cost per lead down to £60"),
                self.weekly(-4, &[93.0, 91.0, 89.0, 88.0, 86.0, 85.0, 82.0, 83.0, 80.0, 79.0])),
            crate::domain::kpi::Kpi {
                closed: self.closed(-46, KpiOutcome::Met, "The season's 600 places were filled a month early"),
                ..self.kpi("Webinar sign-ups", ("Customer", "sign-ups"), UP, (0.0, 600.0), (-150, -30),
                    Some("Fill 600 webinar places"),
                    self.weekly(-53, &[380.0, 412.0, 436.0, 470.0, 498.0, 527.0, 559.0, 585.0, 612.0]))
            },
        ];
        p.feedback = self.feedback(&[
            (-120, "Lottie Brennan", Theirs, 5, "The best-run client account we have."),
            (-90, "Marcus Adeyemi", Theirs, 4, "Webinar slots sell out; we need more speakers."),
            (-60, "Lottie Brennan", Theirs, 5, "Happy to put the council campaign to our board."),
            (-30, "Marcus Adeyemi", Theirs, 4, "Ad costs are up across the sector this season."),
            (-15, "Jonas Lindqvist", Ours, 5, "Webinar leads convert twice as well as ad leads."),
            (-8, "Amara Nwosu", Ours, 3, "Renewal is dragging; their legal team wants the council clause first."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-46, "jonas", OPS, "Webinar target met early.", &[]),
            self.checkin(-32, "jonas", OPS, "Cost per lead flattening as ad prices rise.", &[
                ("Test two cheaper ad formats", "jonas", -18, Some(-19)),
            ]),
            self.checkin(-25, "jonas", TACT, "Creative run-through for the council pitch.", &[]),
            self.checkin(-18, "amara", LEAD, "Council campaign brief sent; renewal terms discussed.", &[
                ("Share our council contacts with Lottie", "amara", -10, Some(-11)),
            ]),
            self.checkin(-11, "jonas", OPS, "Leads report late from the agency this month.", &[
                ("Send the October leads report", "Marcus Adeyemi", -1, Some(-2)),
            ]),
            self.checkin(-4, "jonas", TACT, "The agreement lapsed last week; work goes on in good faith.", &[
                ("Send renewal terms to Lottie", "amara", 7, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![
            self.review(
                (-250, "jonas", "Months 1–3"),
                &[("Generate 400 qualified leads from charities", Partly, "110 leads, on the straight line")],
                "The charity campaign creative tested well.",
                "Landing pages were slow to go live.",
                &[],
                &[("Move landing pages to our own site", "jonas", -230, Some(-232))],
            ),
            self.review(
                (-150, "jonas", "Months 4–6"),
                &[
                    ("Generate 400 qualified leads from charities", Met, "Ahead of the straight line"),
                    ("Bring the cost per lead down to £60", Partly, "£95 and falling"),
                ],
                "Webinars with a charity speaker filled within days.",
                "Paid social costs more than planned.",
                &[],
                &[("Move budget from ads to webinars", "jonas", -130, Some(-133))],
            ),
            self.review(
                (-46, "amara", "Months 7–9"),
                &[
                    ("Fill 600 webinar places", Met, "612 sign-ups; closed"),
                    ("Bring the cost per lead down to £60", Partly, "£82, flattening"),
                ],
                "Webinars carry the campaign; the target was met a month early.",
                "Ad prices rose across the sector.",
                &["Webinar sign-ups"],
                &[("Scope a council campaign with Lottie", "amara", -18, Some(-18))],
            ),
        ]);
        p
    }

    /// Negotiating after a trial: health judged on the agreement (money, IP,
    /// dispute and exit clauses still open) and its milestones (the full agreement
    /// two weeks late, re-planned with its reason).
    pub(super) fn greenway(&self) -> Partner {
        let mut p = self.partner(
            ("Greenway Grocers", "retail chain", "tomas"),
            -150,
            &["retail", "donations", "pilot"],
            "Regional grocery chain putting donation points in its stores, routed to nearby food \
             banks through our app. A trial is running while the full agreement is negotiated.",
            &[
                (-110, "tomas", "Assessing", "Came to us after the food bank conference"),
                (-45, "tomas", "Formalizing", "Trial terms agreed; the full agreement is next"),
            ],
        );
        p.contacts = contacts("greenway.example", &[
            ("Hollie Park", "Community Manager", Theirs),
            ("Bernard Achebe", "Head of Store Operations", Theirs),
            ("Tomas Ferreira", "Finance and Operations", Ours),
        ]);
        p.goals = self.goals(&[
            ("Donation points live in 12 stores", "stores live", "12", Some(110), "tomas", true),
            ("8% of shoppers opt in to round-up at the till", "opt-in rate", "8%", Some(110), "tomas", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Bernard Achebe", "Store fit-out and staff briefings"),
            (Theirs, "Hollie Park", "In-store promotion and food bank liaison"),
            (Ours, "Tomas Ferreira", "Routing donations and monthly statements"),
        ]);
        p.agreement = self.agreement(
            (Some(-20), Some(25), Some(70)),
            [
                (Agreed, "Trial board of four, meets monthly"),
                (Drafting, "Who pays for the till software change?"),
                (Agreed, "Stores live and opt-in rate"),
                (NotStarted, ""),
                (Drafting, "Their standard supplier clause is too one-sided"),
                (NotStarted, ""),
                (Agreed, "The store list can change monthly"),
            ],
            &[("Till round-up integration", "tomas", 60, Drafting, "Spec with their IT team")],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 30, "Bernard Achebe, Tomas Ferreira", "Trial board"),
                (Operational, 14, "Hollie Park, Tomas Ferreira", "Store roll-out"),
            ],
            ("Email", "Phone"),
            24,
            &["Tomas Ferreira ↔ Hollie Park", "Amara Nwosu ↔ Bernard Achebe"],
            "Till and sales data stay with Greenway; we receive donation totals per store.",
        );
        p.scores = scores(&[
            (4, "Brings giving to where people shop"),
            (3, "Retail know-how, new to charity work"),
            (4, "Round-up at the till is new for us"),
            (4, "Set up a trial board within a week"),
            (3, "Till changes need their IT budget"),
            (3, "Corporate but community-minded"),
            (5, "A sound, growing chain"),
            (0, ""),
        ]);
        p.milestones = self.milestones(vec![
            ("Donation points in three trial stores", "Launch", "tomas", -70, -50, -50, Ms::Done(-52)),
            ("Trial agreement signed", "Agreement", "tomas", -50, -20, -20, Ms::Done(-20)),
            ("Full agreement signed", "Agreement", "tomas", -20, -28, -14, Ms::Going),
            ("Till round-up specification agreed", "Launch", "tomas", -10, 10, 10, Ms::Going),
        ]);
        self.replans(&mut p.milestones, "Full agreement signed", &[
            (-30, "tomas", -14, "The till software cost reopened the financial terms"),
        ]);
        p.milestones[3].deliverable = Some("Till round-up integration".into());
        p.milestones[0].goal = Some("Donation points live in 12 stores".into());
        p.kpis = vec![
            self.kpi("Stores with a donation point", ("Operations", "stores"), UP, (0.0, 12.0), (-70, 110),
                Some("Donation points live in 12 stores"),
                self.on_days(&[(-66, 0.0), (-59, 1.0), (-52, 1.0), (-38, 2.0), (-31, 3.0), (-24, 3.0), (-17, 4.0), (-4, 5.0)])),
            crate::domain::kpi::Kpi {
                decimals: Some(1),
                ..self.kpi("Round-up opt-in rate", ("Customer", "%"), UP, (0.0, 8.0), (-70, 110),
                    Some("8% of shoppers opt in to round-up at the till"),
                    self.on_days(&[(-60, 0.8), (-46, 1.3), (-39, 1.2), (-32, 1.9), (-25, 2.4), (-18, 2.3), (-11, 2.9), (-4, 3.3)]))
            },
        ];
        p.feedback = self.feedback(&[
            (-30, "Hollie Park", Theirs, 4, "Shoppers ask which food bank gets their donation."),
            (-10, "Bernard Achebe", Theirs, 3, "Store staff need a shorter briefing."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-40, "tomas", OPS, "Trial stores chosen.", &[]),
            self.checkin(-26, "tomas", LEAD, "Trial board: the supplier clause is the sticking point.", &[
                ("Send our redline of the supplier clause", "tomas", -20, Some(-21)),
            ]),
            self.checkin(-12, "tomas", OPS, "Full agreement slipped two weeks over the till question.", &[
                ("Cost the till change with their IT team", "tomas", 5, None),
                ("Send the store list for the next wave", "Hollie Park", 3, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-15, "tomas", "First month of the trial"),
            &[("Donation points live in 12 stores", Partly, "Three trial stores live, two more agreed")],
            "Shoppers like seeing the local food bank named at the till.",
            "Staff briefings are too long for a shift change.",
            &[],
            &[("Cut the staff briefing to one page", "tomas", 10, None)],
        )]);
        p
    }

    pub(super) fn copperleaf(&self) -> Partner {
        let mut p = self.partner(
            ("Copperleaf Logistics", "logistics company", "tomas"),
            -80,
            &["logistics", "food-rescue"],
            "Regional carrier offering spare van capacity to move surplus food between food banks, \
             with collections booked in our app.",
            &[(-35, "tomas", "Assessing", "Two food banks suggested a pilot route")],
        );
        p.contacts = contacts("copperleaf.example", &[("Hana Petrova", "Partnerships Lead", Theirs)]);
        p.goals = self.goals(&[
            ("Move 50 tonnes of surplus food a quarter", "tonnes moved", "50", None, "tomas", false),
        ]);
        p.scores = scores(&[
            (4, "Fills the food banks' biggest gap"),
            (4, "Runs 40 vans in the region"),
            (2, "Standard routing only"),
            (3, "Keen, but a small partnerships team"),
            (3, "Spare capacity varies by season"),
            (4, "Their drivers already volunteer"),
            (3, "Thin margins in haulage"),
            (2, "No charity work on record"),
        ]);
        p
    }

    pub(super) fn lumen(&self) -> Partner {
        let mut p = self.partner(
            ("Lumen Payroll", "fintech startup", "amara"),
            -50,
            &["payroll-giving", "integration"],
            "Payroll startup that wants employees to give to local charities straight from their \
             pay, with the charities drawn from our platform.",
            &[(-20, "amara", "Assessing", "Their demo impressed our leadership team")],
        );
        p.contacts = contacts("lumen.example", &[
            ("Felix Marchetti", "Co-founder", Theirs),
            ("Amara Nwosu", "Head of Partnerships", Ours),
        ]);
        p.scores = scores(&[
            (4, "A new income route for our charities"),
            (3, "Good payroll engineers, new to charities"),
            (5, "Nobody else offers this"),
            (4, "Founders answer within hours"),
            (3, "Needs API work from us first"),
            (4, "Fast-moving and open"),
            (2, "Seed-funded, 14 months of runway"),
            (1, "Two years old, no references yet"),
        ]);
        p
    }

    /// Scored on two criteria only: a high score that must not outrank complete ones.
    pub(super) fn northwind(&self) -> Partner {
        let mut p = self.partner(
            ("Northwind Volunteer Network", "nonprofit network", "priya"),
            -12,
            &["volunteering", "network"],
            "Umbrella body for forty volunteer centres; it could recommend our app to its members.",
            &[],
        );
        p.contacts = contacts("northwind.example", &[("Agnes Thorburn", "Chief Executive", Theirs)]);
        p.scores = scores(&[
            (5, "Reaches every volunteer centre in the region"),
            (0, ""),
            (0, ""),
            (4, "Interested; their board meets quarterly"),
        ]);
        p
    }

    pub(super) fn quayside(&self) -> Partner {
        let mut p = self.partner(
            ("Quayside Foundation", "grant-making foundation", "amara"),
            -95,
            &["funding", "grants"],
            "Family foundation funding digital projects in coastal towns. Back to prospect until \
             its next funding round opens.",
            &[
                (-60, "amara", "Assessing", "Invited to apply to the digital round"),
                (-25, "amara", "Prospect", "Funding round closed early; revisit when it reopens"),
            ],
        );
        p.contacts = contacts("quayside.example", &[("Rosalind Fairweather", "Grants Manager", Theirs)]);
        p.goals = self.goals(&[
            ("Fund app licences for 20 coastal charities", "charities funded", "20", None, "amara", false),
        ]);
        p.scores = scores(&[
            (4, "Funds the towns we struggle to reach"),
            (0, ""),
            (0, ""),
            (3, "Responsive, small team"),
            (0, ""),
            (4, "Shared focus on small charities"),
            (5, "Endowed foundation"),
        ]);
        p
    }

    /// Paused straight from Active: its history says exactly that, and an action
    /// owed by their side stays on the attention list.
    pub(super) fn oakridge(&self) -> Partner {
        let mut p = self.partner(
            ("Oakridge Training Collective", "training provider", "priya"),
            -260,
            &["training", "volunteers"],
            "Trainers who ran accredited safeguarding courses for the volunteers on our platform. \
             Paused while they replace the funding for their trainers.",
            &[
                (-230, "priya", "Assessing", "Good fit for volunteer safeguarding"),
                (-200, "priya", "Formalizing", "Course outline agreed"),
                (-160, "priya", "Active", "First cohort booked"),
                (-30, "priya", "Paused", "Their trainer funding fell through; paused until it is replaced"),
            ],
        );
        p.contacts = contacts("oakridge.example", &[
            ("Callum Reid", "Director", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Train 300 volunteers in safeguarding", "volunteers trained", "300", Some(60), "priya", true),
        ]);
        p.agreement = self.agreement(
            (Some(-165), None, Some(200)),
            [
                (Agreed, "Quarterly course board"),
                (Agreed, "£60 a place, invoiced per cohort"),
                (Agreed, "Pass rate and places filled"),
                (Agreed, "Course material stays theirs"),
                (Agreed, "Directors, then mediation"),
                (Agreed, "Either side may pause with 30 days' notice"),
                (Agreed, "Dates move by agreement"),
            ],
            &[],
        );
        p.scores = scores(&[
            (4, "Safeguarding is a must for our charities"),
            (5, "Accredited trainers"),
            (2, "Classroom courses only"),
            (4, "Flexible on dates"),
            (3, "Needs funded places"),
            (4, "Care about volunteers as we do"),
            (2, "Relies on a single grant"),
            (4, "Ten years of courses"),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-70, "priya", None, "Spring cohort passed; autumn cohort half full.", &[]),
            self.checkin(-32, "priya", None, "Callum confirmed their grant was not renewed.", &[
                ("Look for interim funding for trainer places", "amara", 30, None),
                ("Send the spring cohort's certificates", "Callum Reid", -12, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![
            self.review(
                (-100, "priya", "Spring cohort"),
                &[("Train 300 volunteers in safeguarding", Partly, "84 trained in two cohorts")],
                "Volunteers rate the course highly.",
                "Classroom dates clash with volunteers' work.",
                &[],
                &[("Offer one evening cohort", "priya", -80, Some(-82))],
            ),
            self.review(
                (-31, "priya", "Funding review"),
                &[("Train 300 volunteers in safeguarding", Missed, "Funding ends before the autumn cohort")],
                "The course itself works.",
                "Everything rests on a single grant.",
                &[],
                &[],
            ),
        ]);
        p
    }

    /// Ended as planned: its KPIs closed at the final review, one met, one missed.
    pub(super) fn eastfield(&self) -> Partner {
        let mut p = self.partner(
            ("Eastfield Community Kitchen", "community group", "priya"),
            -200,
            &["charity-event", "community"],
            "Volunteer kitchen we teamed up with to run the Eastfield Big Lunch, a charity cook-off \
             with a local bakery. The event is done and the money handed over.",
            &[
                (-185, "priya", "Assessing", "Asked us to run volunteer sign-ups for the event"),
                (-170, "priya", "Formalizing", "Roles agreed over coffee"),
                (-150, "priya", "Active", "Event planning under way"),
                (-40, "priya", "Ended", "Event delivered and funds handed over; closed as planned"),
            ],
        );
        p.contacts = contacts("eastfield.example", &[
            ("Dot Henshaw", "Kitchen Coordinator", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Raise £8,000 for the kitchen", "funds raised", "£8,000", Some(-60), "priya", true),
            ("Sign up 80 event volunteers in the app", "volunteers", "80", Some(-70), "priya", true),
        ]);
        p.scores = scores(&[
            (3, "Small, but a showcase for volunteer sign-ups"),
            (3, "Great cooks, first big event"),
            (3, "The cook-off idea was theirs"),
            (5, "Everyone pitched in"),
            (4, "Venue and food from them, sign-ups from us"),
            (5, "Warm, informal, local"),
            (2, "Runs on donations"),
            (3, "Smaller events before"),
        ]);
        p.kpis = vec![
            crate::domain::kpi::Kpi {
                closed: self.closed(-45, KpiOutcome::Met, "£9,350 handed over to the kitchen"),
                ..self.kpi("Funds raised", ("Financial", "GBP"), UP, (0.0, 8_000.0), (-150, -60),
                    Some("Raise £8,000 for the kitchen"),
                    self.on_days(&[(-120, 1_200.0), (-100, 2_900.0), (-80, 5_100.0), (-62, 9_350.0)]))
            },
            crate::domain::kpi::Kpi {
                closed: self.closed(-45, KpiOutcome::Missed, "Older volunteers signed up on paper"),
                ..self.kpi("Event volunteers signed up", ("Customer", "volunteers"), UP, (0.0, 80.0), (-150, -70),
                    Some("Sign up 80 event volunteers in the app"),
                    self.on_days(&[(-120, 22.0), (-100, 41.0), (-85, 58.0), (-71, 64.0)]))
            },
        ];
        self.set_reviews(&mut p, vec![self.review(
            (-45, "priya", "Final review"),
            &[
                ("Raise £8,000 for the kitchen", Met, "£9,350 raised"),
                ("Sign up 80 event volunteers in the app", Missed, "64; paper forms were still used"),
            ],
            "The bakery's cook-off brought people who had never been to the kitchen.",
            "Older volunteers preferred paper sign-up sheets.",
            &["Funds raised", "Event volunteers signed up"],
            &[("Write up the event as a case study", "priya", -20, Some(-22))],
        )]);
        p
    }
}
