//! Task exports read back with real parsers: the `csv` crate, the `icalendar` crate, and
//! the JSON Schema of an NDJSON line; plus a snapshot of each format per corpus plan.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use kehoach::Plan;
use kehoach::render::{self, csv::CsvOptions};

const PLANS: [&str; 2] = [
    "corpus/text/quang-nam-2023.txt",
    "corpus/text/kon-tum-2024.txt",
];

fn plans() -> Vec<Plan> {
    PLANS
        .iter()
        .map(|p| crate::parse_file(&crate::root().join(p)))
        .collect()
}

fn stamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).unwrap()
}

fn due(task: &kehoach::Task) -> Option<NaiveDate> {
    task.deadline.as_ref().and_then(|d| d.due)
}

#[test]
fn csv_reads_back_one_row_per_task() {
    for plan in plans() {
        let text = render::csv::csv(
            &plan,
            CsvOptions {
                header: true,
                excel_bom: false,
            },
        );
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, render::csv::COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), plan.tasks.len(), "{}", plan.source.name);
        for (row, task) in rows.iter().zip(&plan.tasks) {
            let col = |name: &str| {
                &row[render::csv::COLUMNS
                    .iter()
                    .position(|c| *c == name)
                    .unwrap()]
            };
            assert_eq!(col("document"), plan.source.sha256);
            assert_eq!(col("task_id"), task.id);
            assert_eq!(
                col("title"),
                task.title,
                "titles with commas and quotes survive quoting"
            );
            let lead: Vec<&str> = task.lead.iter().map(|a| a.canonical.as_str()).collect();
            assert_eq!(col("lead"), lead.join("; "));
            assert_eq!(
                col("due"),
                due(task).map(|d| d.to_string()).unwrap_or_default()
            );
            assert_eq!(
                col("lines").split('-').next().unwrap(),
                task.span.line_start.to_string()
            );
        }
    }
}

#[test]
fn csv_quotes_per_rfc_4180_and_excel_gets_a_bom() {
    let mut plan = kehoach::parse_text(
        "II. NHIỆM VỤ\n1. Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: Quý I/2024.\n",
    );
    plan.tasks[0].title = "Lập \"danh mục\", rà soát;\nbáo cáo".into();
    let text = render::csv::csv(
        &plan,
        CsvOptions {
            header: true,
            excel_bom: true,
        },
    );
    let body = text.strip_prefix('\u{feff}').expect("BOM first");
    assert!(
        body.contains("\"Lập \"\"danh mục\"\", rà soát;\nbáo cáo\""),
        "{body}"
    );
    assert!(body.ends_with("\r\n"));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[5], plan.tasks[0].title);
    assert_eq!(&row[9], "2024-03-31");
}

/// Parse an export with the icalendar crate, checking the wire format on the way.
fn read_ics(text: &str) -> icalendar::Calendar {
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "CRLF line ends: {line:?}");
        assert!(
            line.len() - 2 <= 75,
            "folded at 75 octets: {} in {line:?}",
            line.len() - 2
        );
    }
    text.parse::<icalendar::Calendar>()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn ics_reads_back_every_dated_task_with_its_due_date() {
    for plan in plans() {
        let out = render::ics::ics(&plan, stamp());
        let cal = read_ics(&out.text);
        assert_eq!(cal.property_value("VERSION"), Some("2.0"));
        assert!(cal.property_value("PRODID").is_some());
        let todos: Vec<&icalendar::Todo> = cal
            .components
            .iter()
            .filter_map(|c| {
                if let CalendarComponent::Todo(t) = c {
                    Some(t)
                } else {
                    None
                }
            })
            .collect();
        let dated: Vec<&kehoach::Task> = plan.tasks.iter().filter(|t| due(t).is_some()).collect();
        assert_eq!(todos.len(), dated.len(), "{}", plan.source.name);
        for (todo, task) in todos.iter().zip(&dated) {
            assert_eq!(
                todo.get_due(),
                due(task).map(DatePerhapsTime::Date),
                "{}: DUE is a date, never a time",
                task.id
            );
            assert_eq!(
                todo.get_uid(),
                Some(format!("{}-{}@kehoach", plan.source.sha256, task.id).as_str())
            );
            assert_eq!(
                todo.get_summary(),
                Some(task.title.as_str()),
                "TEXT escaping round-trips"
            );
            let description = todo.get_description().unwrap();
            assert!(
                description.contains(&task.deadline.as_ref().unwrap().text),
                "{description}"
            );
            if let Some(lead) = task.lead.first() {
                assert!(description.contains(&lead.canonical), "{description}");
            }
        }
        let undated: Vec<&str> = plan
            .tasks
            .iter()
            .filter(|t| due(t).is_none())
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(out.undated, undated);
    }
}

#[test]
fn ics_carries_recurrence_and_escapes_text() {
    let mut plan = kehoach::parse_text(
        "II. NHIỆM VỤ\n1. Báo cáo tiến độ.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: Quý I/2024.\n",
    );
    plan.tasks[0].title = "a\\b; c, d".into();
    plan.tasks[0].deadline.as_mut().unwrap().recurrence = Some("FREQ=MONTHLY;BYMONTHDAY=15".into());
    let text = render::ics::ics(&plan, stamp()).text;
    assert!(text.contains("SUMMARY:a\\\\b\\; c\\, d\r\n"), "{text}");
    let cal = read_ics(&text);
    let CalendarComponent::Todo(todo) = &cal.components[0] else {
        panic!("a VTODO")
    };
    assert_eq!(
        todo.property_value("RRULE"),
        Some("FREQ=MONTHLY;BYMONTHDAY=15")
    );
    assert_eq!(todo.get_summary(), Some("a\\b; c, d"));
    assert_eq!(
        todo.get_due(),
        Some(DatePerhapsTime::Date(
            NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
        ))
    );
}

#[test]
fn ndjson_lines_follow_the_task_schema() {
    let schema = render::ndjson::task_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for plan in plans() {
        let text = render::ndjson::tasks(&plan);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), plan.tasks.len());
        for (line, task) in lines.iter().zip(&plan.tasks) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&v)
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", task.id);
            assert_eq!(v["document"], plan.source.sha256);
            assert_eq!(v["source"], plan.source.name);
            assert_eq!(v["id"], task.id);
        }
        // A line without its document, or with a field the contract does not have, is refused.
        let mut bad: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        bad.as_object_mut().unwrap().remove("document");
        assert!(!validator.is_valid(&bad));
    }
}

#[test]
fn export_snapshots() {
    for (path, plan) in PLANS.iter().zip(plans()) {
        let stem = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(
            format!("{stem}.csv"),
            render::csv::csv(
                &plan,
                CsvOptions {
                    header: true,
                    excel_bom: false
                }
            )
        );
        insta::assert_snapshot!(format!("{stem}.ics"), render::ics::ics(&plan, stamp()).text);
        insta::assert_snapshot!(format!("{stem}.ndjson"), render::ndjson::tasks(&plan));
    }
}
