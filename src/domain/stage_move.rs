//! Moving a partner to another stage: what to ask before the move (joint work
//! without a signed agreement, closing with action items still open) and whether
//! the move needs a reason. The move itself is `Partner::move_to_stage`: one
//! history entry for exactly the move made.

use chrono::NaiveDate;

use super::partner::Partner;
use super::workspace::{StageRole, Workspace};

/// What a move to one stage needs before it is made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MoveCheck {
    /// What is missing, one line each; the move asks first when there is any.
    pub warnings: Vec<String>,
    /// Into a closed stage a reason is required; elsewhere it is optional.
    pub reason_required: bool,
}

/// The checks for moving `partner` to the stage with id `to` on `today`.
pub fn check_move(
    partner: &Partner,
    workspace: &Workspace,
    to: &str,
    today: NaiveDate,
) -> MoveCheck {
    let role = workspace.stage_role(to);
    let mut warnings = Vec::new();
    if role == Some(StageRole::Operating) {
        let agreement = &partner.agreement;
        match agreement.signed {
            Some(signed) if signed <= today => {
                if let Some(expires) = agreement.expires.filter(|expires| *expires < today) {
                    warnings.push(format!("the agreement expired on {expires}"));
                }
            }
            _ => {
                let missing = agreement.missing_components();
                let open = if missing.is_empty() {
                    "every component is agreed".to_string()
                } else {
                    let names: Vec<&str> = missing.iter().map(|c| c.label()).collect();
                    format!("not yet agreed: {}", names.join(", "))
                };
                warnings.push(format!("no signed agreement ({open})"));
            }
        }
    }
    if role == Some(StageRole::Closed) {
        let open: Vec<String> = partner
            .open_actions()
            .map(|action| format!("“{}”", action.text))
            .collect();
        match open.len() {
            0 => {}
            1 => warnings.push(format!("1 open action item: {}", open[0])),
            n => warnings.push(format!("{n} open action items: {}", open.join(", "))),
        }
    }
    MoveCheck {
        warnings,
        reason_required: role == Some(StageRole::Closed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::partner::{ActionItem, ClauseStatus, Component};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn partner() -> Partner {
        Partner::new("Acme", "startup", "maya", "formalizing", day("2026-01-01"))
    }

    #[test]
    fn into_an_operating_stage_without_a_signed_agreement_names_what_is_open() {
        let workspace = Workspace::new("T");
        let today = day("2026-11-28");
        let mut p = partner();
        for component in Component::ALL.into_iter().skip(2) {
            p.agreement.clause_mut(component).status = ClauseStatus::Agreed;
        }
        let check = check_move(&p, &workspace, "active", today);
        assert_eq!(
            check.warnings,
            ["no signed agreement (not yet agreed: Governance, Financial commitments)"]
        );
        assert!(!check.reason_required);
        p.agreement.signed = Some(day("2026-11-01"));
        assert!(
            check_move(&p, &workspace, "active", today)
                .warnings
                .is_empty()
        );
        p.agreement.expires = Some(day("2026-11-27"));
        assert_eq!(
            check_move(&p, &workspace, "expanding", today).warnings,
            ["the agreement expired on 2026-11-27"]
        );
        // Moves into other roles do not ask about the agreement.
        assert!(
            check_move(&partner(), &workspace, "assessing", today)
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn into_a_closed_stage_needs_a_reason_and_names_open_actions() {
        let workspace = Workspace::new("T");
        let today = day("2026-11-28");
        let mut p = partner();
        let check = check_move(&p, &workspace, "paused", today);
        assert!(check.reason_required && check.warnings.is_empty());
        for (text, done) in [
            ("Send the deck", None),
            ("Book a call", None),
            ("Old", Some(today)),
        ] {
            p.actions.push(ActionItem {
                text: text.into(),
                done,
                ..ActionItem::default()
            });
        }
        assert_eq!(
            check_move(&p, &workspace, "ended", today).warnings,
            ["2 open action items: “Send the deck”, “Book a call”"]
        );
    }
}
