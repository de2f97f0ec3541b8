use crossterm::event::{KeyCode, KeyModifiers};

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(form: &mut Form, text: &str) {
    for ch in text.chars() {
        form.input(key(KeyCode::Char(ch)));
    }
}

fn error_of(form: &Form, slot: usize) -> Option<String> {
    form.field_at(form.slots()[slot]).unwrap().error.clone()
}

#[test]
fn a_paste_is_text_and_one_line_fields_stay_one_line() {
    let mut form = Form::new("x")
        .field(Field::text("name", "Name", "").required())
        .field(Field::multiline("notes", "Notes", ""));
    form.paste("Acme\nLd");
    form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::SHIFT));
    form.next_field();
    form.paste("one\r\ntwo");
    let values = form.validate(today()).unwrap();
    assert_eq!(values.text("name"), "Acme Ld");
    assert_eq!(values.text("notes"), "one\ntwo");
}

#[test]
fn values_parse_by_name_and_bad_ones_keep_their_text_with_a_reason() {
    let mut form = Form::new("Goal")
        .field(Field::text("statement", "Statement", "").required())
        .field(Field::date("due", "Due", None))
        .field(Field::number("cadence", "Cadence", None, 1..=365));
    assert!(form.validate(today()).is_none());
    assert_eq!(error_of(&form, 0).as_deref(), Some("Statement is required"));
    assert_eq!(form.focus(), Some(Slot::Field(0)));
    type_text(&mut form, "Grow");
    form.next_field();
    type_text(&mut form, "next week");
    form.next_field();
    type_text(&mut form, "400");
    assert!(form.validate(today()).is_none());
    assert_eq!(
        form.focus(),
        Some(Slot::Field(1)),
        "focus moves to the first bad field"
    );
    assert!(error_of(&form, 1).unwrap().contains("not a date"));
    assert_eq!(
        form.focused_field().unwrap().raw(),
        "next week",
        "what was typed is kept"
    );
    assert_eq!(
        error_of(&form, 2).as_deref(),
        Some("must be between 1 and 365")
    );
    for _ in 0.."next week".len() {
        form.input(key(KeyCode::Backspace));
    }
    type_text(&mut form, "+1w");
    form.next_field();
    form.input(key(KeyCode::Backspace));
    let values = form.validate(today()).unwrap();
    assert_eq!(values.text("statement"), "Grow");
    assert_eq!(values.date("due"), NaiveDate::from_ymd_opt(2026, 12, 5));
    assert_eq!(values.number("cadence"), Some(40));
}

#[test]
fn relative_dates_and_choices() {
    let mut form = Form::new("x")
        .field(Field::date("due", "Due", None).required())
        .field(Field::choice(
            "side",
            "Side",
            vec!["ours".into(), "theirs".into(), "joint".into()],
            0,
        ));
    type_text(&mut form, "+2w");
    form.next_field();
    form.input(key(KeyCode::Right));
    form.input(key(KeyCode::Right));
    form.input(key(KeyCode::Right));
    form.input(key(KeyCode::Char('t')));
    let values = form.validate(today()).unwrap();
    assert_eq!(values.date("due"), NaiveDate::from_ymd_opt(2026, 12, 12));
    assert_eq!(values.choice("side"), 1);
    assert_eq!(values.pick("side", &['o', 't', 'j']), Some('t'));
}

#[test]
fn enter_submits_a_one_line_field_and_breaks_a_multiline_one() {
    let mut form = Form::new("x")
        .field(Field::text("name", "Name", "A"))
        .field(Field::multiline("notes", "Notes", "one"));
    assert_eq!(form.input(key(KeyCode::Enter)), FieldInput::Submit);
    form.next_field();
    assert_eq!(form.input(key(KeyCode::Enter)), FieldInput::Handled);
    type_text(&mut form, "two");
    let values = form.validate(today()).unwrap();
    assert_eq!(values.text("notes"), "one\ntwo");
}

#[test]
fn dirty_only_when_something_changed() {
    let mut form = Form::new("x").field(Field::text("name", "Name", "Acme").required());
    assert!(!form.is_dirty());
    type_text(&mut form, "!");
    assert!(form.is_dirty());
    form.input(key(KeyCode::Backspace));
    assert!(!form.is_dirty(), "typing it back is no change");
}

/// A list of action items, each a text and a due date, after a title.
fn list_form(items: &[(&str, Option<NaiveDate>)]) -> Form {
    Form::new("Review")
        .field(Field::text("title", "Title", "Q3"))
        .group(Group::of("actions", "Adjustments", items, |item| {
            vec![
                Field::text("text", "Action", item.map_or("", |i| i.0)).required(),
                Field::date("due", "Due", item.and_then(|i| i.1)),
            ]
        }))
        .field(Field::text("note", "Note", ""))
}

#[test]
fn a_list_of_rows_grows_shrinks_and_reads_back_by_name() {
    let mut form = list_form(&[]);
    assert_eq!(
        form.slots(),
        [Slot::Field(0), Slot::EmptyGroup(1), Slot::Field(2)],
        "an empty list is one place for the focus"
    );
    assert!(!form.in_rows());
    form.next_field();
    assert!(form.in_rows());
    form.add_row();
    assert!(form.is_dirty(), "a new row is a change");
    assert_eq!(
        form.focus(),
        Some(Slot::Row {
            entry: 1,
            row: 0,
            field: 0
        })
    );
    type_text(&mut form, "Hire a coordinator");
    form.next_field();
    type_text(&mut form, "+1w");
    form.add_row();
    type_text(&mut form, "Drop the newsletter");
    form.add_row();
    type_text(&mut form, "oops");
    form.remove_row();
    let values = form.validate(today()).unwrap();
    let rows = values.rows("actions");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].text("text"), "Hire a coordinator");
    assert_eq!(rows[0].date("due"), NaiveDate::from_ymd_opt(2026, 12, 5));
    assert_eq!(rows[1].text("text"), "Drop the newsletter");
    assert_eq!(rows[1].date("due"), None);
    assert_eq!(
        values.text("title"),
        "Q3",
        "fields around the list read as before"
    );
}

#[test]
fn removing_the_last_row_leaves_an_empty_list_and_bad_rows_are_named() {
    let due = NaiveDate::from_ymd_opt(2026, 12, 1);
    let mut form = list_form(&[("One", due), ("Two", None)]);
    form.next_field();
    form.next_field();
    form.next_field();
    assert_eq!(
        form.focus(),
        Some(Slot::Row {
            entry: 1,
            row: 1,
            field: 0
        })
    );
    for _ in 0..3 {
        form.input(key(KeyCode::Backspace));
    }
    assert!(
        form.validate(today()).is_none(),
        "a row's required field is checked"
    );
    assert_eq!(
        form.focused_field().unwrap().error.as_deref(),
        Some("Action is required")
    );
    form.reject(Reject::row("actions", 0, "due", "too early"));
    assert_eq!(
        form.focus(),
        Some(Slot::Row {
            entry: 1,
            row: 0,
            field: 1
        })
    );
    assert_eq!(
        form.focused_field().unwrap().error.as_deref(),
        Some("too early")
    );
    form.remove_row();
    form.remove_row();
    assert_eq!(form.focus(), Some(Slot::EmptyGroup(1)));
    form.remove_row();
    let values = form.validate(today()).unwrap();
    assert!(values.rows("actions").is_empty());
}

#[test]
fn decimals_take_a_dot_and_refuse_a_comma_or_words() {
    let mut form = Form::new("Reading")
        .field(Field::decimal("value", "Value", None).required())
        .field(Field::decimal("other", "Other", Some(4.5)));
    assert_eq!(form.field_named("other").unwrap().raw(), "4.5");
    assert!(form.validate(today()).is_none());
    assert_eq!(error_of(&form, 0).as_deref(), Some("Value is required"));
    for (typed, expected) in [
        ("42", Some(42.0)),
        ("-0.25", Some(-0.25)),
        (".5", Some(0.5)),
    ] {
        let mut form = Form::new("x").field(Field::decimal("value", "Value", None));
        type_text(&mut form, typed);
        assert_eq!(
            form.validate(today()).map(|v| v.decimal("value")),
            Some(expected),
            "{typed}"
        );
    }
    for typed in ["1,250", "4,5", "abc", "inf", "NaN", "-"] {
        let mut form = Form::new("x").field(Field::decimal("value", "Value", None));
        type_text(&mut form, typed);
        assert!(form.validate(today()).is_none(), "{typed} was taken");
        let why = error_of(&form, 0).unwrap();
        assert!(why.contains(typed), "{why}");
    }
}

#[test]
fn a_keyed_row_remembers_its_record_when_rows_move_around_it() {
    let items = ["ac-a".to_string(), "ac-b".to_string()];
    let group = Group::keyed("rows", "Rows", &items, String::clone, |item| {
        vec![Field::text("text", "Text", item.map_or("", String::as_str))]
    });
    let mut form = Form::new("x").group(group);
    // A new row between the two, then the first row removed.
    form.add_row();
    type_text(&mut form, "new");
    form.prev_field();
    form.remove_row();
    let values = form.validate(today()).unwrap();
    let rows: Vec<(String, Option<&str>)> = values
        .rows("rows")
        .iter()
        .map(|row| (row.text("text"), row.key()))
        .collect();
    assert_eq!(
        rows,
        [
            ("new".to_string(), None),
            ("ac-b".to_string(), Some("ac-b"))
        ]
    );
}
