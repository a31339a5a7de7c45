//! `cargo xtask codegen`: the app's strings, generated from the Fluent files in
//! `app/locales/`, one per language, into `app/src/i18n/strings.rs`, which is committed.
//!
//! The `.ftl` files are the source of every visible string; translators edit them, not Rust.
//! This generator parses them with `fluent-syntax` (Project Fluent's own parser) and refuses,
//! naming file and line, when:
//! - a file does not parse;
//! - a message is missing from a language, or exists in one language only;
//! - the languages' versions of a message use different variables;
//! - a message uses Fluent the app does not implement (functions such as `NUMBER()`,
//!   attributes, terms with arguments, a select on something other than a variable).
//!
//! It writes, formatted by rustfmt so that a change to a `.ftl` file reads as a small diff:
//! - `Text`, one variant per message without variables (`service-name` is
//!   `Text::ServiceName`); `Text::get(language)` gives a `&'static str` from a table per
//!   language, so the strings cost what they weigh and nothing is parsed in the browser;
//! - a struct per message with variables (`picker-results` is `PickerResults { total }`),
//!   whose `get(language)` formats it. Select expressions resolve as Fluent resolves them:
//!   the first variant, in written order, whose key is the number or the number's CLDR plural
//!   category, else the default variant.
//!
//! The output depends on nothing but the `.ftl` files (ordered maps, file order), and the file
//! is written only when its content changes: `trunk serve` runs this before every build (the
//! pre-build hook in `Trunk.toml`) and watches `app/src`, so a rewrite of the same bytes would
//! start another build. `--check` writes nothing and fails when the file is stale; so does a
//! test here. A test in `app/src/i18n.rs` formats every message with `fluent-bundle`, Fluent's
//! reference implementation, and compares, so this generator cannot drift from Fluent's
//! meaning.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Message, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser;
use fluent_syntax::unicode::unescape_unicode_to_string;

/// The generated file, relative to the workspace root.
pub const OUTPUT: &str = "app/src/i18n/strings.rs";

/// The folder of the Fluent files, relative to the workspace root.
const LOCALES: &str = "app/locales";

/// The languages: file name and `domain::Language` variant, the source language first.
const LANGUAGES: [(&str, &str); 3] = [("fi", "Fi"), ("sv", "Sv"), ("en", "En")];

/// What `cargo xtask codegen` does with the generated file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Writes it, if its content changed.
    Write,
    /// Writes nothing; fails if the committed file is not what the `.ftl` files generate.
    Check,
}

/// `cargo xtask codegen [--check]`.
pub fn run(mode: Mode) -> Result<(), String> {
    let root = crate::root();
    let sources = read_sources(&root.join(LOCALES))?;
    let code = strings_rs(&sources)?;
    let path = root.join(OUTPUT);
    let committed = std::fs::read_to_string(&path).ok();
    if committed.as_deref().map(normalize_newlines) == Some(code.clone()) {
        println!("{OUTPUT} is up to date");
        return Ok(());
    }
    match mode {
        Mode::Check => Err(stale_message()),
        Mode::Write => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
            }
            std::fs::write(&path, code)
                .map_err(|error| format!("cannot write {OUTPUT}: {error}"))?;
            println!("wrote {OUTPUT}");
            Ok(())
        }
    }
}

fn stale_message() -> String {
    format!(
        "{OUTPUT} is not what {LOCALES}/*.ftl generate: run `cargo xtask codegen` and commit the result"
    )
}

/// The `.ftl` files' text, in the order of [`LANGUAGES`].
fn read_sources(folder: &Path) -> Result<[String; 3], String> {
    let mut errors = Vec::new();
    let sources = LANGUAGES.map(|(tag, _)| {
        std::fs::read_to_string(folder.join(format!("{tag}.ftl"))).unwrap_or_else(|error| {
            errors.push(format!("{}: {error}", file(tag)));
            String::new()
        })
    });
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(report(&errors))
    }
}

/// The generated file for these `.ftl` sources (in the order of [`LANGUAGES`]), formatted;
/// or every error found, one per line.
pub fn strings_rs(sources: &[String; 3]) -> Result<String, String> {
    let code = load(sources)
        .and_then(|locales| generate(&locales))
        .map_err(|errors| report(&errors))?;
    rustfmt(&code)
}

fn report(errors: &[String]) -> String {
    let mut text = format!("the translations in {LOCALES}/ are not complete or not valid:");
    for error in errors {
        text.push_str("\n  - ");
        text.push_str(error);
    }
    text
}

/// A checked-out file may have CRLF line ends (Git on Windows); rustfmt writes LF.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Formats `code` with `rustfmt --edition 2024`, run in the workspace root so that it reads
/// the same configuration as `cargo fmt` (whose check then passes on the generated file).
fn rustfmt(code: &str) -> Result<String, String> {
    let mut child = Command::new(std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into()))
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .current_dir(crate::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            format!("cannot run rustfmt ({error}); `rustup component add rustfmt` installs it")
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Written from another thread: rustfmt's output could fill a pipe before it reads all.
    let output = std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(code.as_bytes()));
        let output = child.wait_with_output();
        let written = writer.join().expect("the writer does not panic");
        written.and(output)
    })
    .map_err(|error| format!("rustfmt: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt refused the generated code ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|error| format!("rustfmt wrote non-UTF-8: {error}"))
}

/// `app/locales/{tag}.ftl`, as errors name it.
fn file(tag: &str) -> String {
    format!("{LOCALES}/{tag}.ftl")
}

/// The line (1-based) at or after `from` that starts the entry `id` (`-name` for a term):
/// `id`, optional blanks, `=`. The parser keeps no positions in the AST, so the line is
/// found in the text.
fn entry_line(source: &str, from: usize, id: &str) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with('='))
        })
        .map(|(index, _)| index + 1)
}

/// One language's file, parsed.
struct Locale {
    tag: &'static str,
    variant: &'static str,
    /// Messages by id, with the line they start on.
    messages: BTreeMap<String, (Message<String>, usize)>,
    /// Message ids in file order.
    order: Vec<String>,
    /// Terms (`-name = ...`) by id, without the dash.
    terms: BTreeMap<String, Pattern<String>>,
}

impl Locale {
    fn place(&self, id: &str) -> String {
        match self.messages.get(id) {
            Some((_, line)) => format!("{}:{line}, `{id}`", file(self.tag)),
            None => format!("{}, `{id}`", file(self.tag)),
        }
    }
}

/// Parses the sources, in the order of [`LANGUAGES`].
fn load(sources: &[String; 3]) -> Result<Vec<Locale>, Vec<String>> {
    let mut errors = Vec::new();
    let mut locales = Vec::new();
    for ((tag, variant), source) in LANGUAGES.into_iter().zip(sources) {
        // An error at the end of the file is on its last line, not after it.
        let last_line = source.lines().count().max(1);
        let line_of = |offset: usize| {
            let line = source[..offset.min(source.len())].matches('\n').count() + 1;
            line.min(last_line)
        };
        let resource = match parser::parse(source.clone()) {
            Ok(resource) => resource,
            Err((_, parse_errors)) => {
                for error in parse_errors {
                    errors.push(format!(
                        "{}:{}: {error}",
                        file(tag),
                        line_of(error.pos.start)
                    ));
                }
                continue;
            }
        };
        let mut locale = Locale {
            tag,
            variant,
            messages: BTreeMap::new(),
            order: Vec::new(),
            terms: BTreeMap::new(),
        };
        // Entries come in file order: each is searched for from the line of the one before.
        let mut line = 1;
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name.clone();
                    line = entry_line(source, line, &id).unwrap_or(line);
                    if !message.attributes.is_empty() {
                        errors.push(format!(
                            "{}:{line}, `{id}`: attributes are not used by the app",
                            file(tag)
                        ));
                    }
                    if message.value.is_none() {
                        errors.push(format!(
                            "{}:{line}, `{id}`: the message has no text",
                            file(tag)
                        ));
                    }
                    locale.order.push(id.clone());
                    locale.messages.insert(id, (message, line));
                }
                Entry::Term(term) => {
                    let id = format!("-{}", term.id.name);
                    line = entry_line(source, line, &id).unwrap_or(line);
                    if !term.attributes.is_empty() {
                        errors.push(format!(
                            "{}:{line}, `{id}`: attributes are not used by the app",
                            file(tag)
                        ));
                    }
                    locale.terms.insert(term.id.name, term.value);
                }
                Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
                Entry::Junk { content } => errors.push(format!(
                    "{}: not Fluent syntax: {}",
                    file(tag),
                    content.trim()
                )),
            }
        }
        locales.push(locale);
    }
    if errors.is_empty() {
        Ok(locales)
    } else {
        Err(errors)
    }
}

/// How a variable is used, which decides its Rust type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Selected on by number or plural category: `usize`.
    Number,
    /// Selected on by name: `&str`.
    Name,
    /// Only shown: anything `Display`.
    Shown,
}

impl Kind {
    fn merge(self, other: Kind) -> Result<Kind, ()> {
        match (self, other) {
            (a, b) if a == b => Ok(a),
            (Kind::Shown, other) | (other, Kind::Shown) => Ok(other),
            _ => Err(()),
        }
    }
}

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The variables a pattern uses and how, after resolving terms and message references.
fn variables(
    pattern: &Pattern<String>,
    locale: &Locale,
    depth: usize,
    found: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    if depth > 8 {
        return Err("references nest too deep (a cycle?)".to_owned());
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, locale, depth, found)?;
        }
    }
    Ok(())
}

fn expression_variables(
    expression: &Expression<String>,
    locale: &Locale,
    depth: usize,
    found: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    match expression {
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err("a select expression must select on a variable".to_owned());
            };
            let numeric = variants.iter().any(|variant| match &variant.key {
                VariantKey::NumberLiteral { .. } => true,
                VariantKey::Identifier { name } => {
                    PLURAL_CATEGORIES.contains(&name.as_str()) && name != "other"
                }
            });
            let kind = if numeric { Kind::Number } else { Kind::Name };
            add_variable(found, &id.name, kind)?;
            for variant in variants {
                variables(&variant.value, locale, depth + 1, found)?;
            }
            Ok(())
        }
        Expression::Inline(inline) => inline_variables(inline, locale, depth, found),
    }
}

fn inline_variables(
    inline: &InlineExpression<String>,
    locale: &Locale,
    depth: usize,
    found: &mut BTreeMap<String, Kind>,
) -> Result<(), String> {
    match inline {
        InlineExpression::StringLiteral { .. } => Ok(()),
        InlineExpression::NumberLiteral { value } => {
            if value.parse::<u64>().is_ok() {
                Ok(())
            } else {
                Err(format!(
                    "the number {value} is not a whole number (write it as text)"
                ))
            }
        }
        InlineExpression::VariableReference { id } => add_variable(found, &id.name, Kind::Shown),
        InlineExpression::Placeable { expression } => {
            expression_variables(expression, locale, depth, found)
        }
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            if attribute.is_some() || arguments.is_some() {
                return Err(format!(
                    "`-{}`: term attributes and arguments are not used by the app",
                    id.name
                ));
            }
            let term = locale
                .terms
                .get(&id.name)
                .ok_or_else(|| format!("no term `-{}` in this file", id.name))?;
            let mut inner = BTreeMap::new();
            variables(term, locale, depth + 1, &mut inner)?;
            if inner.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "the term `-{}` uses variables, which a term cannot see",
                    id.name
                ))
            }
        }
        InlineExpression::MessageReference { id, attribute } => {
            if attribute.is_some() {
                return Err(format!(
                    "`{}`: message attributes are not used by the app",
                    id.name
                ));
            }
            let (message, _) = locale
                .messages
                .get(&id.name)
                .ok_or_else(|| format!("no message `{}` in this file", id.name))?;
            if let Some(value) = &message.value {
                variables(value, locale, depth + 1, found)?;
            }
            Ok(())
        }
        InlineExpression::FunctionReference { id, .. } => Err(format!(
            "the function {}() is not implemented by the app",
            id.name
        )),
    }
}

fn add_variable(found: &mut BTreeMap<String, Kind>, name: &str, kind: Kind) -> Result<(), String> {
    let merged = match found.get(name) {
        Some(previous) => previous
            .merge(kind)
            .map_err(|()| format!("`${name}` is selected on both as a number and as a name"))?,
        None => kind,
    };
    found.insert(name.to_owned(), merged);
    Ok(())
}

/// Whether `n` is in the CLDR cardinal plural `category` in `tag`. Finnish, Swedish and
/// English have the same two categories for whole numbers: "one" for 1, "other" for the rest.
fn plural_condition(tag: &str, category: &str) -> Result<Option<&'static str>, String> {
    match tag {
        "fi" | "sv" | "en" => Ok(match category {
            "one" => Some("n == 1"),
            "other" => Some("n != 1"),
            // zero, two, few and many are never the category of a number in these languages.
            _ => None,
        }),
        _ => Err(format!(
            "no plural rules for `{tag}`: add its CLDR cardinal rules to xtask/src/codegen.rs"
        )),
    }
}

/// Writes Rust statements that append `pattern` to `out`.
fn emit_pattern(
    pattern: &Pattern<String>,
    locale: &Locale,
    kinds: &BTreeMap<String, Kind>,
    depth: usize,
    code: &mut String,
) -> Result<(), String> {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_literal(value, code),
            PatternElement::Placeable { expression } => {
                emit_expression(expression, locale, kinds, depth, code)?;
            }
        }
    }
    Ok(())
}

fn emit_expression(
    expression: &Expression<String>,
    locale: &Locale,
    kinds: &BTreeMap<String, Kind>,
    depth: usize,
    code: &mut String,
) -> Result<(), String> {
    match expression {
        Expression::Inline(inline) => emit_inline(inline, locale, kinds, depth, code),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err("a select expression must select on a variable".to_owned());
            };
            let field = field_name(&id.name);
            let kind = kinds[&id.name];
            let mut branches = Vec::new();
            for variant in variants {
                let condition = match (&variant.key, kind) {
                    (VariantKey::NumberLiteral { value }, Kind::Number) => {
                        let number: u64 = value
                            .parse()
                            .map_err(|_| format!("the key [{value}] is not a whole number"))?;
                        Some(format!("n == {number}"))
                    }
                    (VariantKey::Identifier { name }, Kind::Number) => {
                        plural_condition(locale.tag, name)?.map(str::to_owned)
                    }
                    (VariantKey::Identifier { name }, _) => {
                        Some(format!("self.{field} == {name:?}"))
                    }
                    (VariantKey::NumberLiteral { value }, _) => {
                        return Err(format!(
                            "the key [{value}] is a number but `${}` is selected on by name",
                            id.name
                        ));
                    }
                };
                if let Some(condition) = condition {
                    branches.push((condition, &variant.value, variant.default));
                }
            }
            let default = variants
                .iter()
                .find(|variant| variant.default)
                .ok_or("a select expression needs a default variant")?;
            // The default variant as the last test would only repeat the fallback.
            if branches
                .last()
                .is_some_and(|(_, _, is_default)| *is_default)
            {
                branches.pop();
            }
            let _ = writeln!(code, "{{");
            if kind == Kind::Number && !branches.is_empty() {
                let _ = writeln!(code, "let n = self.{field};");
            }
            for (index, (condition, value, _)) in branches.iter().enumerate() {
                let keyword = if index == 0 { "if" } else { "} else if" };
                let _ = writeln!(code, "{keyword} {condition} {{");
                emit_pattern(value, locale, kinds, depth + 1, code)?;
            }
            if !branches.is_empty() {
                let _ = writeln!(code, "}} else {{");
            }
            emit_pattern(&default.value, locale, kinds, depth + 1, code)?;
            if !branches.is_empty() {
                let _ = writeln!(code, "}}");
            }
            let _ = writeln!(code, "}}");
            Ok(())
        }
    }
}

fn emit_inline(
    inline: &InlineExpression<String>,
    locale: &Locale,
    kinds: &BTreeMap<String, Kind>,
    depth: usize,
    code: &mut String,
) -> Result<(), String> {
    if depth > 8 {
        return Err("references nest too deep (a cycle?)".to_owned());
    }
    match inline {
        InlineExpression::StringLiteral { value } => {
            push_literal(&unescape_unicode_to_string(value), code);
        }
        InlineExpression::NumberLiteral { value } => push_literal(value, code),
        InlineExpression::VariableReference { id } => {
            let _ = writeln!(
                code,
                "out.push_str(&self.{}.to_string());",
                field_name(&id.name)
            );
        }
        InlineExpression::Placeable { expression } => {
            emit_expression(expression, locale, kinds, depth + 1, code)?;
        }
        InlineExpression::TermReference { id, .. } => {
            let term = &locale.terms[&id.name];
            emit_pattern(term, locale, kinds, depth + 1, code)?;
        }
        InlineExpression::MessageReference { id, .. } => {
            let (message, _) = &locale.messages[&id.name];
            if let Some(value) = &message.value {
                emit_pattern(value, locale, kinds, depth + 1, code)?;
            }
        }
        InlineExpression::FunctionReference { id, .. } => {
            return Err(format!(
                "the function {}() is not implemented by the app",
                id.name
            ));
        }
    }
    Ok(())
}

/// Writes a statement that appends the fixed `text` to `out`.
fn push_literal(text: &str, code: &mut String) {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (None, _) => {}
        (Some(only), None) => {
            let _ = writeln!(code, "out.push({only:?});");
        }
        _ => {
            let _ = writeln!(code, "out.push_str({text:?});");
        }
    }
}

/// The text of a message without variables, resolved by the generator.
fn static_text(pattern: &Pattern<String>, locale: &Locale, depth: usize) -> Result<String, String> {
    // The message has no variables (the caller checked), so no select and no variable
    // placeable can occur: only text, literals and references to other static patterns.
    let mut text = String::new();
    if depth > 8 {
        return Err("references nest too deep (a cycle?)".to_owned());
    }
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                text.push_str(&static_expression(expression, locale, depth)?);
            }
        }
    }
    Ok(text)
}

fn static_expression(
    expression: &Expression<String>,
    locale: &Locale,
    depth: usize,
) -> Result<String, String> {
    match expression {
        Expression::Select { .. } => Err("a select expression needs a variable".to_owned()),
        Expression::Inline(inline) => match inline {
            InlineExpression::StringLiteral { value } => {
                Ok(unescape_unicode_to_string(value).into_owned())
            }
            InlineExpression::NumberLiteral { value } => Ok(value.clone()),
            InlineExpression::Placeable { expression } => {
                static_expression(expression, locale, depth + 1)
            }
            InlineExpression::TermReference { id, .. } => {
                static_text(&locale.terms[&id.name], locale, depth + 1)
            }
            InlineExpression::MessageReference { id, .. } => {
                match &locale.messages[&id.name].0.value {
                    Some(value) => static_text(value, locale, depth + 1),
                    None => Ok(String::new()),
                }
            }
            InlineExpression::VariableReference { id } => {
                Err(format!("`${}` in a message without variables", id.name))
            }
            InlineExpression::FunctionReference { id, .. } => Err(format!(
                "the function {}() is not implemented by the app",
                id.name
            )),
        },
    }
}

/// `picker-results` → `PickerResults`.
fn type_name(id: &str) -> String {
    id.split(['-', '_'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `$total-count` → `total_count`.
fn field_name(variable: &str) -> String {
    variable.replace('-', "_").to_ascii_lowercase()
}

fn generate(locales: &[Locale]) -> Result<String, Vec<String>> {
    let mut errors = Vec::new();
    let source = &locales[0];

    // The same messages in every language.
    let all_ids: BTreeSet<&String> = locales.iter().flat_map(|l| l.messages.keys()).collect();
    for locale in locales {
        for id in &all_ids {
            if !locale.messages.contains_key(*id) {
                let found_in: Vec<String> = locales
                    .iter()
                    .filter_map(|other| {
                        let (_, line) = other.messages.get(*id)?;
                        Some(format!("{}:{line}", file(other.tag)))
                    })
                    .collect();
                errors.push(format!(
                    "{}: `{id}` is missing (it is in {})",
                    file(locale.tag),
                    found_in.join(", ")
                ));
            }
        }
    }
    // Message ids in the source language's order; one missing there is already an error.
    let ids: Vec<&String> = source.order.iter().collect();

    // The same variables in every language; the kinds merged over all of them.
    let mut kinds_of: BTreeMap<&String, BTreeMap<String, Kind>> = BTreeMap::new();
    for id in &ids {
        let mut merged: Option<BTreeMap<String, Kind>> = None;
        for locale in locales {
            let Some((message, _)) = locale.messages.get(*id) else {
                continue;
            };
            let Some(value) = &message.value else {
                continue;
            };
            let mut found = BTreeMap::new();
            if let Err(error) = variables(value, locale, 0, &mut found) {
                errors.push(format!("{}: {error}", locale.place(id)));
                continue;
            }
            match &mut merged {
                None => merged = Some(found),
                Some(previous) => {
                    let before: BTreeSet<&String> = previous.keys().collect();
                    let here: BTreeSet<&String> = found.keys().collect();
                    if before != here {
                        errors.push(format!(
                            "{}: uses the variables {} where {} uses {}",
                            locale.place(id),
                            names(&here),
                            source.tag,
                            names(&before)
                        ));
                        continue;
                    }
                    for (name, kind) in found {
                        let entry = previous.get_mut(&name).expect("same names");
                        match entry.merge(kind) {
                            Ok(kind) => *entry = kind,
                            Err(()) => errors.push(format!(
                                "{}: `${name}` is a number in one language and a name in another",
                                locale.place(id)
                            )),
                        }
                    }
                }
            }
        }
        kinds_of.insert(id, merged.unwrap_or_default());
    }

    let mut type_names = BTreeMap::new();
    for id in &ids {
        if let Some(previous) = type_names.insert(type_name(id), id) {
            errors.push(format!(
                "`{previous}` and `{id}` give the same Rust name; rename one"
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let statics: Vec<&String> = ids
        .iter()
        .copied()
        .filter(|id| kinds_of[id].is_empty())
        .collect();
    let formatted: Vec<&String> = ids
        .iter()
        .copied()
        .filter(|id| !kinds_of[id].is_empty())
        .collect();

    let mut code = String::from(
        "//! Generated by `cargo xtask codegen` from `app/locales/*.ftl`; do not edit by hand.\n\
         //! Edit the `.ftl` files and run `cargo xtask codegen` (`trunk serve` runs it before\n\
         //! each build). See `xtask/src/codegen.rs` for what is generated and why.\n\n",
    );

    // Text: the messages without variables.
    let mut tables = Vec::new();
    for locale in locales {
        let mut table = Vec::new();
        for id in &statics {
            let value = locale.messages[*id].0.value.as_ref().expect("checked");
            match static_text(value, locale, 0) {
                Ok(text) => table.push(text),
                Err(error) => errors.push(format!("{}: {error}", locale.place(id))),
            }
        }
        tables.push(table);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let _ = writeln!(
        code,
        "/// A message without variables: the key of a visible string.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq)]\n\
         pub enum Text {{"
    );
    for (index, id) in statics.iter().enumerate() {
        let _ = writeln!(
            code,
            "    /// `{id}`: {}\n    {},",
            tables[0][index].replace('\n', " "),
            type_name(id)
        );
    }
    let _ = writeln!(code, "}}\n");
    let count = statics.len();
    let _ = writeln!(
        code,
        "impl Text {{\n\
         \x20   /// The string in `language`.\n\
         \x20   pub fn get(self, language: domain::Language) -> &'static str {{\n\
         \x20       let table: &[&str; {count}] = match language {{"
    );
    for locale in locales {
        let _ = writeln!(
            code,
            "            domain::Language::{} => &TEXT_{},",
            locale.variant,
            locale.tag.to_ascii_uppercase()
        );
    }
    let _ = writeln!(
        code,
        "        }};\n        table[self as usize]\n    }}\n\n\
         \x20   /// The message's id in the `.ftl` files.\n\
         \x20   #[cfg(test)]\n\
         \x20   pub fn id(self) -> &'static str {{\n\
         \x20       TEXT_IDS[self as usize]\n    }}\n\n\
         \x20   /// Every key, in the order of the files.\n\
         \x20   #[cfg(test)]\n\
         \x20   pub const ALL: [Text; {count}] = ["
    );
    for id in &statics {
        let _ = writeln!(code, "        Text::{},", type_name(id));
    }
    let _ = writeln!(code, "    ];\n}}\n");
    let _ = writeln!(code, "#[cfg(test)]\nconst TEXT_IDS: [&str; {count}] = [");
    for id in &statics {
        let _ = writeln!(code, "    {id:?},");
    }
    let _ = writeln!(code, "];\n");
    for (locale, table) in locales.iter().zip(&tables) {
        let _ = writeln!(
            code,
            "const TEXT_{}: [&str; {count}] = [",
            locale.tag.to_ascii_uppercase()
        );
        for text in table {
            let _ = writeln!(code, "    {text:?},");
        }
        let _ = writeln!(code, "];\n");
    }

    // A struct per message with variables.
    for id in &formatted {
        let kinds = &kinds_of[id];
        let name = type_name(id);
        let borrows = kinds.values().any(|kind| *kind != Kind::Number);
        let lifetime = if borrows { "<'a>" } else { "" };
        let _ = writeln!(
            code,
            "/// The message `{id}`; `get` formats it in a language.\n\
             #[derive(Clone, Copy)]\n\
             pub struct {name}{lifetime} {{"
        );
        for (variable, kind) in kinds {
            let rust_type = match kind {
                Kind::Number => "usize",
                Kind::Name => "&'a str",
                Kind::Shown => "&'a dyn core::fmt::Display",
            };
            let _ = writeln!(
                code,
                "    /// `${variable}`\n    pub {}: {rust_type},",
                field_name(variable)
            );
        }
        let _ = writeln!(
            code,
            "}}\n\n\
             impl{lifetime} {name}{lifetime} {{\n\
             \x20   /// The message in `language`.\n\
             \x20   pub fn get(&self, language: domain::Language) -> String {{\n\
             \x20       let mut out = String::new();\n\
             \x20       match language {{"
        );
        for locale in locales {
            let value = locale.messages[*id].0.value.as_ref().expect("checked");
            let mut body = String::new();
            if let Err(error) = emit_pattern(value, locale, kinds, 0, &mut body) {
                errors.push(format!("{}: {error}", locale.place(id)));
            }
            let _ = writeln!(code, "domain::Language::{} => {{\n{body}}}", locale.variant);
        }
        let _ = writeln!(code, "        }}\n        out\n    }}\n\n");
        let _ = writeln!(
            code,
            "    /// The message's id in the `.ftl` files.\n\
             \x20   #[cfg(test)]\n\
             \x20   pub const ID: &'static str = {id:?};\n}}\n"
        );
    }
    let _ = writeln!(
        code,
        "/// The ids of the messages with variables.\n#[cfg(test)]\npub const FORMATTED_IDS: [&str; {}] = {formatted:?};",
        formatted.len()
    );
    if errors.is_empty() {
        Ok(code)
    } else {
        Err(errors)
    }
}

fn names(set: &BTreeSet<&String>) -> String {
    if set.is_empty() {
        "none".to_owned()
    } else {
        set.iter()
            .map(|name| format!("${name}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed file is what the committed `.ftl` files generate (rust-analyzer's
    /// `ensure_file_contents`, without the rewrite): a `.ftl` edit without `cargo xtask
    /// codegen` fails `cargo test --workspace`.
    #[test]
    fn the_committed_strings_are_up_to_date() {
        let root = crate::root();
        let sources = read_sources(&root.join(LOCALES)).unwrap_or_else(|error| panic!("{error}"));
        let generated = strings_rs(&sources).unwrap_or_else(|error| panic!("{error}"));
        let committed = std::fs::read_to_string(root.join(OUTPUT))
            .map(|text| normalize_newlines(&text))
            .unwrap_or_default();
        if committed != generated {
            let line = committed
                .lines()
                .zip(generated.lines())
                .position(|(old, new)| old != new)
                .unwrap_or(committed.lines().count().min(generated.lines().count()))
                + 1;
            panic!("{} (they differ from line {line} on)", stale_message());
        }
    }

    fn sources(fi: &str, sv: &str, en: &str) -> [String; 3] {
        [fi.to_owned(), sv.to_owned(), en.to_owned()]
    }

    /// The errors for these sources; panics if they generate.
    fn errors(fi: &str, sv: &str, en: &str) -> Vec<String> {
        match load(&sources(fi, sv, en)).and_then(|locales| generate(&locales)) {
            Ok(_) => panic!("the sources generated code, but they have errors"),
            Err(errors) => errors,
        }
    }

    const FI: &str = "\
### A resource comment.

hello = Hei
results = { $total ->
    [one] { $total } tulos
   *[other] { $total } tulosta
}
";
    const SV: &str = "\
hello = Hej
results = { $total ->
    [one] { $total } resultat
   *[other] { $total } resultat
}
";
    const EN: &str = "\
hello = Hello
results = { $total ->
    [one] { $total } result
   *[other] { $total } results
}
";

    #[test]
    fn valid_files_generate_formatted_code_the_same_each_time() {
        let code = strings_rs(&sources(FI, SV, EN)).unwrap_or_else(|error| panic!("{error}"));
        assert!(code.starts_with("//! Generated by `cargo xtask codegen`"));
        assert!(
            code.contains("    /// `hello`: Hei\n    Hello,\n"),
            "{code}"
        );
        assert!(code.contains("pub struct Results {\n    /// `$total`\n    pub total: usize,\n}"));
        assert!(code.contains("if n == 1 {"), "{code}");
        // Formatted: no line as the generator emits it unindented.
        assert!(!code.contains("\nout.push"), "{code}");
        assert_eq!(strings_rs(&sources(FI, SV, EN)), Ok(code));
    }

    #[test]
    fn a_message_missing_from_a_language_names_where_the_others_have_it() {
        let sv = "hello = Hej\n";
        assert_eq!(
            errors(FI, sv, EN),
            [
                "app/locales/sv.ftl: `results` is missing (it is in app/locales/fi.ftl:4, app/locales/en.ftl:2)"
            ]
        );
    }

    #[test]
    fn a_message_in_one_language_only_is_missing_from_the_others() {
        let fi = format!("{FI}extra = Lisää\n");
        assert_eq!(
            errors(&fi, SV, EN),
            [
                "app/locales/sv.ftl: `extra` is missing (it is in app/locales/fi.ftl:8)",
                "app/locales/en.ftl: `extra` is missing (it is in app/locales/fi.ftl:8)",
            ]
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_named_with_its_line() {
        let sv = "hello = Hej\n= hello\nresults = { $total } resultat\n";
        let errors = errors(FI, sv, EN);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("app/locales/sv.ftl:2: "),
            "{errors:?}"
        );
        let unclosed = "hello = Hej\nresults = { $total\n";
        assert_eq!(
            self::errors(FI, unclosed, EN),
            ["app/locales/sv.ftl:2: Expected a token starting with \"}\""]
        );
    }

    #[test]
    fn a_function_is_refused_with_file_and_line() {
        let en = "hello = Hello\n\nresults = { NUMBER($total) } results\n";
        assert_eq!(
            errors(FI, SV, en),
            [
                "app/locales/en.ftl:3, `results`: the function NUMBER() is not implemented by the app"
            ]
        );
    }

    #[test]
    fn the_languages_must_use_the_same_variables() {
        let sv = "hello = Hej { $name }\nresults = { $total } resultat\n";
        assert_eq!(
            errors(FI, sv, EN),
            ["app/locales/sv.ftl:1, `hello`: uses the variables $name where fi uses none"]
        );
    }

    #[test]
    fn attributes_are_refused() {
        let fi = "hello = Hei\n    .title = Otsikko\nresults = { $total } tulosta\n";
        assert_eq!(
            errors(fi, SV, EN),
            ["app/locales/fi.ftl:1, `hello`: attributes are not used by the app"]
        );
    }

    #[test]
    fn term_arguments_are_refused() {
        let en =
            "-brand = The Service\nhello = { -brand(case: \"genitive\") }\nresults = { $total }\n";
        assert_eq!(
            errors(FI, SV, en),
            [
                "app/locales/en.ftl:2, `hello`: `-brand`: term attributes and arguments are not used by the app"
            ]
        );
    }

    #[test]
    fn a_line_is_found_with_any_spacing_before_the_equals_sign() {
        let source = "# hello = not this\nhello-world = x\nhello= y\n";
        assert_eq!(entry_line(source, 1, "hello"), Some(3));
        assert_eq!(entry_line(source, 1, "hello-world"), Some(2));
        assert_eq!(entry_line(source, 3, "hello-world"), None);
    }
}
