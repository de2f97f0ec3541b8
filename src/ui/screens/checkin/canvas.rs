//! The check-in page laid out line by line before it is scrolled: headings, rows
//! and notes as text, and where each input goes on its line, so the view can draw
//! the inputs' editors in place and find the line with the cursor.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::app::Data;
use crate::app::form::{Field, Value};
use crate::app::screens::checkin::page::{MilestoneRow, Page, Slot, Why};
use crate::domain::dates::days_between;
use crate::domain::kpi::reading_warning;
use crate::domain::partner::Partner;
use crate::text::{truncate, width, width as width_of, wrap_cut};
use crate::ui::theme::{Theme, milestone_symbol};

/// An input placed on a line of the canvas.
pub(super) struct Placed {
    pub(super) x: u16,
    pub(super) width: u16,
    /// Lines it takes (the note takes several).
    pub(super) height: u16,
    pub(super) slot: Slot,
}

/// One line of the page.
#[derive(Default)]
pub(super) struct Row {
    pub(super) spans: Vec<Span<'static>>,
    pub(super) inputs: Vec<Placed>,
    /// The row slot it shows (a milestone, an action), drawn selected when focused.
    pub(super) slot: Option<Slot>,
    /// Columns used so far.
    pub(super) used: u16,
}

/// The page laid out as lines, before scrolling.
pub(super) struct Canvas {
    pub(super) rows: Vec<Row>,
    pub(super) width: u16,
}

impl Canvas {
    fn line(&mut self) -> &mut Row {
        self.rows.push(Row::default());
        self.rows.last_mut().expect("a row was just pushed")
    }

    fn blank(&mut self) {
        self.line();
    }

    fn heading(&mut self, text: &str, theme: Theme) {
        let row = self.line();
        row.spans
            .push(Span::styled(format!(" {text}"), theme.heading()));
    }

    fn note(&mut self, text: &str, theme: Theme) {
        let width = self.width as usize;
        let row = self.line();
        row.spans.push(Span::styled(
            truncate(&format!("   {text}"), width),
            theme.dim(),
        ));
    }
}

impl Row {
    fn text(&mut self, text: impl Into<String>, style: Style) -> &mut Row {
        let text = text.into();
        self.used += width(&text) as u16;
        self.spans.push(Span::styled(text, style));
        self
    }

    /// `text`, cut to what is left of `max` columns.
    fn fit(&mut self, text: &str, style: Style, max: u16) -> &mut Row {
        let room = max.saturating_sub(self.used) as usize;
        self.text(truncate(text, room), style)
    }

    /// A label, then an input of `width` columns (at most what is left of `max`),
    /// in brackets so it shows where to type without colour too; a choice shows
    /// its option instead.
    fn input(&mut self, label: &str, slot: Slot, width: u16, max: u16, theme: Theme) -> &mut Row {
        self.place(label, slot, width, max, true, theme)
    }

    fn choice(&mut self, label: &str, slot: Slot, width: u16, max: u16, theme: Theme) -> &mut Row {
        self.place(label, slot, width, max, false, theme)
    }

    fn place(
        &mut self,
        label: &str,
        slot: Slot,
        width: u16,
        max: u16,
        boxed: bool,
        theme: Theme,
    ) -> &mut Row {
        if !label.is_empty() {
            self.text(format!("{label} "), theme.dim());
        }
        let room = max.saturating_sub(self.used + 2);
        let width = width.min(room).max(1);
        if boxed {
            self.text("[", theme.dim());
        }
        self.inputs.push(Placed {
            x: self.used,
            width,
            height: 1,
            slot,
        });
        self.text(" ".repeat(width as usize), Style::new());
        if boxed {
            self.text("]", theme.dim());
        }
        self.text(" ", Style::new());
        self
    }
}

/// The page, line by line.
pub(super) fn layout(
    page: &Page,
    partner: &Partner,
    data: &Data,
    theme: Theme,
    width: u16,
    wide: bool,
) -> Canvas {
    let mut canvas = Canvas {
        rows: Vec::new(),
        width,
    };
    let today = data.today;
    let assessments = data
        .figures(&page.partner)
        .map_or(&[][..], |f| &f.assessments);

    let due = page.readings.iter().filter(|r| r.why.is_due()).count();
    canvas.heading(&format!("KPIs due a reading ({due})"), theme);
    if due == 0 {
        let none = if page.readings.is_empty() {
            "none: no open KPI"
        } else {
            "none: every KPI has a reading since the last check-in"
        };
        canvas.note(none, theme);
    }
    // The open KPIs not due come after those due (a draft's leftovers last).
    let first_open = page.readings.iter().position(|r| !r.why.is_due());
    for (index, input) in page.readings.iter().enumerate() {
        if Some(index) == first_open {
            let others = page.readings.len() - due;
            canvas.heading(
                &format!("Other open KPIs: a reading if there is one ({others})"),
                theme,
            );
        }
        let Some(at) = partner.kpis.iter().position(|k| k.id == input.kpi) else {
            // What was typed for it stays in view, so it can be read and cleared.
            canvas.note(
                &format!(
                    "{} — this KPI is no longer there: clear its value to save",
                    input.kpi
                ),
                theme,
            );
            let row = canvas.line();
            row.text("     ", Style::new());
            row.input("value", Slot::ReadingValue(index), 12, width, theme);
            row.input(" note", Slot::ReadingNote(index), 30, width, theme);
            continue;
        };
        let kpi = &partner.kpis[at];
        let assessment = assessments.get(at);
        let latest = assessment
            .and_then(|a| a.latest.as_ref())
            .map_or("no reading yet".to_string(), |r| {
                format!("last {} on {}", kpi.format_value(r.value), r.date)
            });
        let target = format!(
            "target {} by {}",
            kpi.format_value(kpi.target),
            kpi.target_date
        );
        let pace = assessment
            .and_then(|a| a.run_rate)
            .map(|rate| kpi.describe_run_rate(&rate));
        // Under "other open KPIs" the status says more than "not due".
        let why = match (input.why, assessment) {
            (Why::Open, Some(assessment)) => assessment.status.label().to_string(),
            (why, _) => why.words(),
        };
        let mut parts = vec![latest, target];
        parts.extend(pace);
        let about = parts.join(" · ");
        // The name and why it is due; the figures beside them when they fit, else
        // under them, as many lines as they take (the run-rate is never cut off).
        let row = canvas.line();
        row.fit(&format!("   {}", kpi.name), theme.title(), width);
        row.fit(&format!(" · {why}"), theme.text(), width);
        if row.used as usize + 3 + crate::text::width(&about) <= width as usize {
            row.fit(&format!(" · {about}"), theme.dim(), width);
        } else {
            for line in in_lines(&parts, (width as usize).saturating_sub(5)) {
                let row = canvas.line();
                row.fit(&format!("     {line}"), theme.dim(), width);
            }
        }
        let row = canvas.line();
        row.text("     ", Style::new());
        let unit = if kpi.unit.trim().is_empty() {
            "value"
        } else {
            kpi.unit.trim()
        };
        row.input(
            &format!("new ({unit})"),
            Slot::ReadingValue(index),
            12,
            width,
            theme,
        );
        row.input(
            " note",
            Slot::ReadingNote(index),
            if wide { 50 } else { 30 },
            width,
            theme,
        );
        errors(&mut canvas, &[&input.value, &input.note], theme);
        // A value that is probably a mistake is said under it, and still taken.
        if input.value.error.is_none()
            && let Ok(Value::Decimal(Some(value))) = input.value.parse(today)
            && let Some(warning) = reading_warning(kpi, value, today)
        {
            said(&mut canvas, &format!("⚠ {warning}"), theme.warn());
        }
    }

    canvas.heading(
        &format!(
            "Milestones late, blocked or due within 14 days ({})",
            page.milestones.len()
        ),
        theme,
    );
    if page.milestones.is_empty() {
        canvas.note("none", theme);
    }
    for (index, row_state) in page.milestones.iter().enumerate() {
        let Some(milestone) = page.milestone(data, index) else {
            // Someone removed it meanwhile: the row stays, so what was decided
            // about it can be seen and taken back (the same key again).
            let decided = decided(row_state);
            let row = canvas.line();
            row.slot = Some(Slot::Milestone(index));
            row.fit(
                &format!("   {} — this milestone is no longer there", row_state.id),
                theme.dim(),
                width,
            );
            if !decided.is_empty() {
                row.fit(&format!(" · {decided} here"), theme.dim(), width);
            }
            continue;
        };
        let late = milestone.is_overdue(today);
        let words = crate::domain::checkin::milestone_words(milestone, today);
        // What was decided shows before the title, where it is never cut off.
        let mark = if row_state.done {
            " ✓ "
        } else if row_state.block.is_some() {
            " ■ "
        } else if row_state.unblock {
            " ↺ "
        } else if row_state.moved.is_some() {
            " → "
        } else {
            "   "
        };
        let decided = decided(row_state);
        let row = canvas.line();
        row.slot = Some(Slot::Milestone(index));
        row.text(mark, theme.key());
        row.fit(
            &format!("{} {}", milestone_symbol(milestone.status), milestone.title),
            theme.milestone(milestone.status, late),
            width,
        );
        let about = if decided.is_empty() {
            words
        } else {
            format!("{decided} here · {words}")
        };
        // Beside the title when it fits, else under it (the same row for the cursor).
        if row.used as usize + 3 + width_of(&about) <= width as usize {
            row.fit(&format!(" · {about}"), theme.dim(), width);
        } else {
            let row = canvas.line();
            row.slot = Some(Slot::Milestone(index));
            row.fit(&format!("       {about}"), theme.dim(), width);
        }
        if let Some(reason) = &row_state.block {
            let line = canvas.line();
            line.text("       ", Style::new());
            line.input(
                "blocked because",
                Slot::BlockReason(index),
                60,
                width,
                theme,
            );
            errors(&mut canvas, &[reason], theme);
        }
        if let Some(moved) = &row_state.moved {
            let line = canvas.line();
            line.text("       ", Style::new());
            line.input(
                &format!("due {} →", milestone.due),
                Slot::MoveDue(index),
                12,
                width,
                theme,
            );
            line.input(" why", Slot::MoveReason(index), 60, width, theme);
            errors(&mut canvas, &[&moved.due, &moved.reason], theme);
        }
    }

    canvas.heading(
        &format!("Open action items, both sides ({})", page.actions.len()),
        theme,
    );
    if page.actions.is_empty() {
        canvas.note("none open", theme);
    }
    for (index, row_state) in page.actions.iter().enumerate() {
        let Some(action) = partner.actions.iter().find(|a| a.id == row_state.id) else {
            continue;
        };
        let mut about = Vec::new();
        if !action.owner.is_empty() {
            about.push(data.workspace.member_name(&action.owner).to_string());
        }
        about.push(action.side.label().to_string());
        if let Some(due) = action.due {
            let late = days_between(due, today);
            about.push(if late > 0 {
                format!("due {due}, {late} days late")
            } else {
                format!("due {due}")
            });
        }
        let overdue = action.is_overdue(today);
        let row = canvas.line();
        row.slot = Some(Slot::Action(index));
        let (mark, box_) = if row_state.close {
            (" ✓ ", "☑")
        } else {
            ("   ", "☐")
        };
        let style = if overdue { theme.bad() } else { theme.text() };
        row.text(mark, theme.key());
        row.fit(&format!("{box_} {}", action.text), style, width);
        if row_state.close {
            about.insert(0, "done here".to_string());
        }
        // Who, whose side and when beside the text when they fit, else under it
        // (the same row for the cursor), so the due date is never cut off.
        let about = about.join(" · ");
        if row.used as usize + 3 + crate::text::width(&about) <= width as usize {
            row.fit(&format!(" · {about}"), theme.dim(), width);
        } else {
            let row = canvas.line();
            row.slot = Some(Slot::Action(index));
            row.fit(&format!("       {about}"), theme.dim(), width);
        }
    }

    canvas.heading("Feedback heard (optional)", theme);
    for (index, input) in page.feedback.iter().enumerate() {
        let row = canvas.line();
        row.text("   ", Style::new());
        row.input("who", Slot::FeedbackWho(index), 22, width, theme);
        if input.is_blank() {
            row.text("type a name to add feedback", theme.dim());
            continue;
        }
        row.choice(" side", Slot::FeedbackSide(index), 10, width, theme);
        row.input(" 1–5", Slot::FeedbackSentiment(index), 3, width, theme);
        if wide {
            row.input(" said", Slot::FeedbackText(index), 60, width, theme);
        } else {
            let line = canvas.line();
            line.text("     ", Style::new());
            line.input("said", Slot::FeedbackText(index), 70, width, theme);
        }
        errors(
            &mut canvas,
            &[&input.who, &input.sentiment, &input.text],
            theme,
        );
    }

    canvas.heading("The meeting", theme);
    let row = canvas.line();
    row.text("   ", Style::new());
    row.choice("tier", Slot::Tier, 22, width, theme);
    row.input(" attendees", Slot::Attendees, 60, width, theme);
    let row = canvas.line();
    row.text("   ", Style::new());
    row.text("note ", theme.dim());
    let note_height = 4;
    row.inputs.push(Placed {
        x: row.used,
        width: width.saturating_sub(row.used + 1).max(1),
        height: note_height,
        slot: Slot::Note,
    });
    for _ in 1..note_height {
        canvas.blank();
    }
    errors(
        &mut canvas,
        &[&page.tier, &page.attendees, &page.note],
        theme,
    );

    canvas.heading("New action items (optional)", theme);
    // The owner choice as wide as its longest name and the arrows round it, as far
    // as the line has room for (the due date after it must fit at 80 columns).
    let owner_width = (page.owner_label_width() as u16 + 4).min(if wide { 32 } else { 28 });
    for (index, input) in page.new_actions.iter().enumerate() {
        let row = canvas.line();
        row.text("   ", Style::new());
        row.input(
            "action",
            Slot::ActionText(index),
            if wide { 34 } else { 40 },
            width,
            theme,
        );
        if input.is_blank() {
            row.text("type one agreed here", theme.dim());
            continue;
        }
        if wide {
            row.choice(
                " owner",
                Slot::ActionOwner(index),
                owner_width,
                width,
                theme,
            );
            row.choice(" side", Slot::ActionSide(index), 10, width, theme);
            row.input(" due", Slot::ActionDue(index), 12, width, theme);
        } else {
            let line = canvas.line();
            line.text("     ", Style::new());
            line.choice("owner", Slot::ActionOwner(index), owner_width, width, theme);
            line.choice(" side", Slot::ActionSide(index), 10, width, theme);
            line.input(" due", Slot::ActionDue(index), 12, width, theme);
        }
        errors(&mut canvas, &[&input.text, &input.due], theme);
    }
    canvas
}

/// `parts` joined with " · " into lines of at most `columns`, each part kept whole
/// on one line (one wider than a line is cut when drawn).
fn in_lines(parts: &[String], columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(part) <= columns => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

/// "done", "blocked", "moved", "unblocked": what was decided about a milestone.
fn decided(row: &MilestoneRow) -> String {
    let mut words = Vec::new();
    if row.moved.is_some() {
        words.push("moved");
    }
    if row.unblock {
        words.push("unblocked");
    }
    if row.block.is_some() {
        words.push("blocked");
    }
    if row.done {
        words.push("done");
    }
    words.join(", ")
}

/// Lines under the inputs for each refusal among `fields`, wrapped so the reason
/// is read whole.
fn errors(canvas: &mut Canvas, fields: &[&Field], theme: Theme) {
    for field in fields {
        if let Some(error) = &field.error {
            said(canvas, &format!("✗ {error}"), theme.error());
        }
    }
}

/// `text` under an input, indented and wrapped to the page's width.
fn said(canvas: &mut Canvas, text: &str, style: Style) {
    let width = canvas.width as usize;
    for (at, line) in wrap_cut(text, width.saturating_sub(7)).iter().enumerate() {
        let indent = if at == 0 { "     " } else { "       " };
        let row = canvas.line();
        row.text(truncate(&format!("{indent}{line}"), width), style);
    }
}
