//! What the Scorecard lists, in the order it lists them — partners, a partner's KPIs
//! grouped by perspective, feedback, reviews, a KPI's readings, and the portfolio of
//! every open KPI — for the screen's selection and its view alike, so the row
//! marked is always the item selected.

use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::Partner;
use crate::domain::kpi::Kpi;
use crate::domain::portfolio::kpis_judged;
use crate::store::PartnerFile;

use super::figures::{KpiFigures, kpi_figures};

/// Partners with KPIs still running first, then those whose KPIs are all closed
/// (history), then those without any (they have nothing to score yet), each in the
/// data's order (by id, which follows the name).
pub fn partners(data: &Data) -> Vec<&PartnerFile> {
    let mut partners: Vec<&PartnerFile> = data.partners.iter().collect();
    partners.sort_by_key(|file| {
        let kpis = &file.partner.kpis;
        if kpis.iter().any(|kpi| kpi.closed.is_none()) {
            0
        } else if kpis.is_empty() {
            2
        } else {
            1
        }
    });
    partners
}

/// One perspective's KPIs, as indexes into the partner's `kpis`: open ones first,
/// closed ones (history) after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiGroup {
    pub name: String,
    pub kpis: Vec<usize>,
}

/// The partner's KPIs grouped by the workspace's perspectives, in its order; KPIs
/// naming a perspective the workspace lacks come last, under that name. With a
/// perspective chosen, only its group (empty when it has no KPIs).
pub fn kpi_groups(data: &Data, partner: &Partner, perspective: Option<&str>) -> Vec<KpiGroup> {
    let mut groups: Vec<(String, KpiGroup)> = data
        .workspace
        .perspectives
        .iter()
        .map(|p| {
            let group = KpiGroup {
                name: p.name.clone(),
                kpis: Vec::new(),
            };
            (p.id.clone(), group)
        })
        .collect();
    let mut order: Vec<usize> = (0..partner.kpis.len()).collect();
    // Open before closed, otherwise as the file lists them.
    order.sort_by_key(|index| partner.kpis[*index].closed.is_some());
    for index in order {
        let perspective_id = &partner.kpis[index].perspective;
        match groups.iter_mut().find(|(id, _)| id == perspective_id) {
            Some((_, group)) => group.kpis.push(index),
            None => {
                let name = if perspective_id.trim().is_empty() {
                    "No perspective".to_string()
                } else {
                    perspective_id.clone()
                };
                groups.push((
                    perspective_id.clone(),
                    KpiGroup {
                        name,
                        kpis: vec![index],
                    },
                ));
            }
        }
    }
    groups
        .into_iter()
        .filter(|(id, group)| match perspective {
            Some(wanted) => id == wanted,
            None => !group.kpis.is_empty(),
        })
        .map(|(_, group)| group)
        .collect()
}

/// The KPIs of `groups` in the order they are shown.
pub fn kpi_order(partner: &Partner, groups: &[KpiGroup]) -> Vec<Rec> {
    groups
        .iter()
        .flat_map(|group| &group.kpis)
        .filter_map(|index| partner.kpis.get(*index).map(Rec::of))
        .collect()
}

/// Feedback, newest first (notes of one day: the one added last first).
pub fn feedback_order(partner: &Partner) -> Vec<Rec> {
    let mut notes: Vec<(usize, &crate::domain::partner::Feedback)> =
        partner.feedback.iter().enumerate().collect();
    notes.sort_by(|(a_at, a), (b_at, b)| b.date.cmp(&a.date).then(b_at.cmp(a_at)));
    notes.into_iter().map(|(_, note)| Rec::of(note)).collect()
}

/// Reviews, newest first.
pub fn review_order(partner: &Partner) -> Vec<Rec> {
    let mut reviews: Vec<(usize, &crate::domain::partner::Review)> =
        partner.reviews.iter().enumerate().collect();
    reviews.sort_by(|(a_at, a), (b_at, b)| b.date.cmp(&a.date).then(b_at.cmp(a_at)));
    reviews
        .into_iter()
        .map(|(_, review)| Rec::of(review))
        .collect()
}

/// A KPI's readings in date order, oldest first; readings of one date in the order
/// they were added (a file edited by hand out of order is shown in order).
pub fn reading_order(kpi: &Kpi) -> Vec<Rec> {
    let mut readings: Vec<&crate::domain::kpi::Reading> = kpi.readings.iter().collect();
    readings.sort_by_key(|reading| reading.date);
    readings.into_iter().map(Rec::of).collect()
}

/// The figures of the partner's KPI `index`.
pub fn figures_of<'a>(data: &'a Data, id: &str, index: usize) -> Option<KpiFigures<'a>> {
    let kpi = data.partner_data(id)?.kpis.get(index)?;
    let assessment = data.figures(id)?.assessments.get(index)?;
    Some(kpi_figures(kpi, assessment))
}

/// One row of the portfolio: a partner's open KPI and its figures.
#[derive(Debug, Clone)]
pub struct PortfolioRow<'a> {
    pub partner: &'a PartnerFile,
    pub figures: KpiFigures<'a>,
}

impl PortfolioRow<'_> {
    /// The row's identity: the partner and the KPI.
    pub fn key(&self) -> (String, Rec) {
        (self.partner.id.clone(), Rec::of(self.figures.kpi))
    }
}

/// Every open KPI of every partner (of `perspective`, when one is chosen), most in
/// need of attention first: red, early warning, amber, too early, green — stale
/// first within each — then by partner and KPI name. Partners in a closed stage
/// (paused, ended) are left out: their KPIs are not judged (`kpis_judged`).
pub fn portfolio<'a>(data: &'a Data, perspective: Option<&str>) -> Vec<PortfolioRow<'a>> {
    let mut rows = Vec::new();
    for file in &data.partners {
        if !kpis_judged(&file.partner, &data.workspace) {
            continue;
        }
        // Looked up once a partner: the portfolio may hold thousands of KPIs.
        let Some(summary) = data.figures(&file.id) else {
            continue;
        };
        for (kpi, assessment) in file.partner.kpis.iter().zip(&summary.assessments) {
            if kpi.closed.is_some() || perspective.is_some_and(|p| kpi.perspective != p) {
                continue;
            }
            rows.push(PortfolioRow {
                partner: file,
                figures: kpi_figures(kpi, assessment),
            });
        }
    }
    rows.sort_by(|a, b| {
        a.figures
            .urgency()
            .cmp(&b.figures.urgency())
            .then_with(|| {
                a.partner
                    .partner
                    .name
                    .to_lowercase()
                    .cmp(&b.partner.partner.name.to_lowercase())
            })
            .then_with(|| a.figures.kpi.name.cmp(&b.figures.kpi.name))
    });
    rows
}
