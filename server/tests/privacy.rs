//! The privacy notice against the database: every column the migrations create is in
//! `domain::privacy::STORED_COLUMNS` (the list the notice is rendered from), and every column
//! that list names exists. The migrations of both backends are read as SQL, statement by
//! statement; a statement this reader does not know fails the test rather than being skipped,
//! and on SQLite the reading is held against the columns of a freshly migrated database.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use domain::privacy::STORED_COLUMNS;

/// `(table, column)` pairs.
type Columns = BTreeSet<(String, String)>;

/// The SQL files of `folder` (not of its subfolders), in name order: the order they apply.
fn migrations(folder: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "sql"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no migrations in {}", folder.display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect()
}

/// The statements of a migration: comments removed, whitespace collapsed, split at `;`.
fn statements(sql: &str) -> Vec<String> {
    let without_comments: String = sql
        .lines()
        .map(|line| line.split("--").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    without_comments
        .split(';')
        .map(|statement| statement.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|statement| !statement.is_empty())
        .collect()
}

fn unquote(name: &str) -> String {
    name.trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']')
        .to_lowercase()
}

/// The column definitions of a `CREATE TABLE` body: its top-level comma-separated entries
/// that are not table constraints.
fn defined_columns(body: &str) -> Vec<String> {
    let mut entries = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (index, character) in body.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                entries.push(&body[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    entries.push(&body[start..]);
    entries
        .into_iter()
        .filter_map(|entry| entry.split_whitespace().next())
        .filter(|first| {
            !["PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"]
                .contains(&first.to_uppercase().as_str())
        })
        .map(unquote)
        .collect()
}

/// The tables and columns the migrations of `folder` leave, applied in order.
fn columns_after(folder: &Path) -> Columns {
    let mut columns = Columns::new();
    for (file, sql) in migrations(folder) {
        for statement in statements(&sql) {
            let words: Vec<&str> = statement.split(' ').collect();
            let upper: Vec<String> = words.iter().map(|word| word.to_uppercase()).collect();
            let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
            match upper.as_slice() {
                ["CREATE", "TABLE", ..] => {
                    let name_at = if upper[2..].starts_with(&["IF", "NOT", "EXISTS"]) {
                        5
                    } else {
                        2
                    };
                    let table = unquote(words[name_at].split('(').next().unwrap());
                    let open = statement.find('(').expect("a column list");
                    let close = statement.rfind(')').expect("a column list");
                    for column in defined_columns(&statement[open + 1..close]) {
                        assert!(
                            columns.insert((table.clone(), column.clone())),
                            "{file}: {table}.{column} twice"
                        );
                    }
                }
                // Indexes and sequences hold no columns of their own.
                ["CREATE", "INDEX" | "UNIQUE" | "SEQUENCE", ..] => {}
                ["ALTER", "TABLE", _, "ADD", ..] => {
                    let table = unquote(words[2]);
                    let at = if upper[4] == "COLUMN" { 5 } else { 4 };
                    columns.insert((table, unquote(words[at])));
                }
                ["ALTER", "TABLE", _, "RENAME", "COLUMN", _, "TO", _] => {
                    let table = unquote(words[2]);
                    let old = (table.clone(), unquote(words[5]));
                    assert!(columns.remove(&old), "{file}: renames a missing {old:?}");
                    columns.insert((table, unquote(words[7])));
                }
                ["ALTER", "TABLE", _, "RENAME", "TO", _] => {
                    let (old, new) = (unquote(words[2]), unquote(words[5]));
                    columns = columns
                        .into_iter()
                        .map(|(table, column)| {
                            (if table == old { new.clone() } else { table }, column)
                        })
                        .collect();
                }
                ["ALTER", "TABLE", _, "DROP", ..] => {
                    let table = unquote(words[2]);
                    let at = if upper[4] == "COLUMN" { 5 } else { 4 };
                    let dropped = (table, unquote(words[at]));
                    assert!(
                        columns.remove(&dropped),
                        "{file}: drops a missing {dropped:?}"
                    );
                }
                ["DROP", "TABLE", ..] => {
                    let table = unquote(words.last().unwrap());
                    columns.retain(|(name, _)| *name != table);
                }
                ["DROP", "INDEX", ..] => {}
                // Rows, not columns (a table made anew copies its rows).
                ["INSERT", "INTO", ..] => {}
                _ => panic!(
                    "{file}: a statement the privacy test cannot read yet; teach it what the \
                     statement does to the tables: {statement}"
                ),
            }
        }
    }
    columns
}

fn listed() -> Columns {
    STORED_COLUMNS
        .iter()
        .map(|column| (column.table.to_owned(), column.column.to_owned()))
        .collect()
}

fn migrations_folder() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations")
}

// Guards the privacy notice against drift from the database: a column added by a migration
// without a line in the list (or a line for a column that is gone) fails here.
#[test]
fn every_column_of_both_backends_is_in_the_privacy_list_and_no_other() {
    let listed = listed();
    for folder in [migrations_folder(), migrations_folder().join("postgres")] {
        let migrated = columns_after(&folder);
        let unlisted: Vec<_> = migrated.difference(&listed).collect();
        let missing: Vec<_> = listed.difference(&migrated).collect();
        assert!(
            unlisted.is_empty(),
            "{}: columns the privacy notice does not classify (add them to \
             domain::privacy::STORED_COLUMNS): {unlisted:?}",
            folder.display()
        );
        assert!(
            missing.is_empty(),
            "{}: domain::privacy::STORED_COLUMNS names columns that do not exist: {missing:?}",
            folder.display()
        );
    }
}

// Guards the reader above: what it makes of the SQLite migrations is what SQLite made of them.
#[tokio::test]
async fn the_reading_of_the_migrations_is_what_sqlite_made_of_them() {
    let (state, _folder) = support::test_state(|_| {}).await;
    let actual: Columns = state
        .storage
        .sqlite()
        .unwrap()
        .read(|connection| {
            let mut statement = connection.prepare(
                "SELECT m.name, p.name FROM sqlite_schema AS m, pragma_table_info(m.name) AS p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )?;
            let rows = statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<Result<Columns, _>>()?;
            Ok(rows)
        })
        .await
        .unwrap();
    assert_eq!(columns_after(&migrations_folder()), actual);
}

// The reader itself: each kind of statement changes the tables as SQL says.
#[test]
fn the_reader_follows_each_kind_of_statement() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("0001.sql"),
        "-- a comment; with a semicolon\n\
         CREATE TABLE IF NOT EXISTS a (x TEXT PRIMARY KEY, y INTEGER CHECK (y IN (1, 2)), \
         \"z\" TEXT, PRIMARY KEY (x, y), UNIQUE (y, z)) STRICT;\n\
         CREATE TABLE b(k TEXT);\n\
         CREATE INDEX a_y ON a (y);\n\
         CREATE SEQUENCE s AS BIGINT START WITH 5;",
    )
    .unwrap();
    std::fs::write(
        folder.path().join("0002.sql"),
        "ALTER TABLE a ADD COLUMN w TEXT; ALTER TABLE a ADD v TEXT;\n\
         ALTER TABLE a RENAME COLUMN x TO key; ALTER TABLE a DROP COLUMN y;\n\
         ALTER TABLE b RENAME TO c; ALTER TABLE c ADD COLUMN l TEXT; DROP TABLE IF EXISTS c;",
    )
    .unwrap();
    let columns: Vec<String> = columns_after(folder.path())
        .into_iter()
        .map(|(table, column)| format!("{table}.{column}"))
        .collect();
    assert_eq!(columns, ["a.key", "a.v", "a.w", "a.z"]);

    std::fs::write(folder.path().join("0003.sql"), "CREATE VIEW v AS SELECT 1;").unwrap();
    let unknown = std::panic::catch_unwind(|| columns_after(folder.path()));
    assert!(unknown.is_err(), "an unknown statement must fail the test");
}
