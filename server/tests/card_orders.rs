//! The registrar's work (SPEC §5, part 2) through the whole router on SQLite and on
//! PostgreSQL: a point's customers as its registrars see them, service-relationship
//! certificates and card orders, each refusal with its code (never a 500), and a dump of the
//! database that holds no personal identity code in clear.

mod support;

use axum::http::{Method, StatusCode};
use contract::paths::api;
use serde_json::{Value, json};
use support::admin::{World, assert_refused, path, world};
use support::{Answer, Client, Database};

/// The registrar's identity (the development provider's `invitee`, in no account).
const REGISTRAR_KEY: &str = "suomifi:dev-invitee-1";
/// A registrar of another point (`invitee-2`).
const OTHER_REGISTRAR_KEY: &str = "suomifi:dev-invitee-2";

/// The population register's example code, and a second person's.
const MAIJA: &str = "131052-308T";
const MATTI: &str = "010190-123M";

struct Point {
    world: World,
    /// A county's (not main) point the private organisation authorises.
    id: i64,
    number: String,
    /// Its registrar.
    registrar: Client,
    /// A registrar of the county's main point, not of this one.
    other_registrar: Client,
    /// The private organisation's authorisation of the point.
    private_authorisation: i64,
}

/// The account's administrator applies for a contract of `kind` and the officer grants it.
async fn granted_contract(world: &World, admin: &Client, account: i64, kind: &str) {
    let draft = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_ACCOUNT_CONTRACTS, &[account]),
            &json!({ "contract_kind": kind }),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.body);
    let id = draft.json()["id"].as_i64().unwrap();
    let submitted = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_CONTRACT_SUBMISSION, &[account, id]),
            &json!({}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    let granted = world
        .officer
        .send_json(
            Method::POST,
            &path(api::ADMIN_CONTRACT_DECISION, &[id]),
            &json!({ "grant": true, "rejection_reason": null }),
        )
        .await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
}

async fn authorise(admin: &Client, account: i64, number: &str) -> i64 {
    let authorised = admin
        .send_json(
            Method::POST,
            &path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[account]),
            &json!({ "service_number": number }),
        )
        .await;
    assert_eq!(
        authorised.status,
        StatusCode::CREATED,
        "{}",
        authorised.body
    );
    authorised.json()["id"].as_i64().unwrap()
}

/// The demonstration data, a registrar at one of the county's points, a registrar at its
/// main point, and the private organisation authorising the first.
async fn point(database: &Database) -> Point {
    let world = world(database).await;
    let points = world
        .county_admin
        .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.county]))
        .await;
    let points = points.json()["points"].as_array().unwrap().clone();
    let chosen = points
        .iter()
        .find(|point| point["is_main"] == false)
        .unwrap();
    let main = points
        .iter()
        .find(|point| point["is_main"] == true)
        .unwrap();
    let id = chosen["id"].as_i64().unwrap();
    let number = chosen["service_number"].as_str().unwrap().to_owned();
    let storage = &world.state.storage;
    assert!(
        storage
            .add_registrar(id, REGISTRAR_KEY, 1_700_000_000)
            .await
            .unwrap()
    );
    assert!(
        storage
            .add_registrar(
                main["id"].as_i64().unwrap(),
                OTHER_REGISTRAR_KEY,
                1_700_000_000
            )
            .await
            .unwrap()
    );
    let registrar = Client::signed_in(&world.state, "invitee").await;
    let other_registrar = Client::signed_in(&world.state, "invitee-2").await;
    granted_contract(
        &world,
        &world.private_admin,
        world.private,
        "sote_organisation",
    )
    .await;
    let private_authorisation = authorise(&world.private_admin, world.private, &number).await;
    Point {
        world,
        id,
        number,
        registrar,
        other_registrar,
        private_authorisation,
    }
}

fn certificate(organisation: i64, code: &str) -> Value {
    json!({
        "organisation_account_id": organisation,
        "person_name": "Maija Meikäläinen",
        "identity_code": code,
        "received_on": "2026-01-15",
        "delivery": "post",
    })
}

fn staff_card(customer: i64, code: &str) -> Value {
    json!({
        "customer_account_id": customer,
        "card_kind": "staff_card",
        "person_name": "Maija Meikäläinen",
        "identity_code": code,
    })
}

fn organisation_card(customer: i64) -> Value {
    json!({ "customer_account_id": customer, "card_kind": "organisation_card" })
}

impl Point {
    async fn record(&self, client: &Client, body: &Value) -> Answer {
        client
            .send_json(
                Method::POST,
                &path(api::ADMIN_REGISTRAR_CERTIFICATES, &[self.id]),
                body,
            )
            .await
    }

    async fn order(&self, client: &Client, body: &Value) -> Answer {
        client
            .send_json(
                Method::POST,
                &path(api::ADMIN_REGISTRAR_ORDERS, &[self.id]),
                body,
            )
            .await
    }
}

#[track_caller]
fn assert_field(answer: &Answer, field: &str, code: &str) {
    assert_refused(
        answer,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    assert_eq!(
        answer.json()["errors"][field],
        json!([code]),
        "{}",
        answer.body
    );
}

#[track_caller]
fn assert_created(answer: &Answer) -> Value {
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    answer.json()
}

async fn audit_text(world: &World, account: i64) -> String {
    let log = world
        .officer
        .get(&format!("{}?account={account}", api::ADMIN_AUDIT))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    log.body
}

#[tokio::test]
async fn a_registrar_sees_the_points_customers_records_a_certificate_and_orders_cards() {
    for database in support::databases().await {
        let point = point(&database).await;
        let world = &point.world;

        // The registrar's points.
        let points = point.registrar.get(api::ADMIN_ME).await;
        assert_eq!(points.status, StatusCode::OK, "{}", points.body);
        assert_eq!(points.json()["registrar_points"][0]["point_id"], point.id);
        assert_eq!(
            points.json()["registrar_points"][0]["service_number"],
            point.number
        );
        assert_eq!(
            world.professional.get(api::ADMIN_ME).await.json()["registrar_points"],
            json!([])
        );

        // The customers: the county first, then the private organisation, active.
        let customers_path = path(api::ADMIN_REGISTRAR_CUSTOMERS, &[point.id]);
        let customers = point.registrar.get(&customers_path).await;
        assert_eq!(customers.status, StatusCode::OK, "{}", customers.body);
        let body = customers.json();
        assert_eq!(body["point"]["point_id"], point.id);
        assert_eq!(body["customers"][0]["account_id"], world.county);
        assert_eq!(body["customers"][0]["state"], "county");
        assert_eq!(body["customers"][0]["authorisation_id"], Value::Null);
        assert_eq!(body["customers"][1]["account_id"], world.private);
        assert_eq!(body["customers"][1]["state"], "active");
        assert_eq!(body["customers"][1]["kind"], "private_sote");
        assert_eq!(
            body["customers"][1]["authorisation_id"],
            point.private_authorisation
        );
        assert_eq!(body["next_after"], Value::Null);

        // A certificate, answered masked, listed masked.
        let recorded = assert_created(
            &point
                .record(
                    &point.registrar,
                    &certificate(world.private, " 131052-308t "),
                )
                .await,
        );
        assert_eq!(recorded["identity_code"], "131052-***T");
        assert_eq!(recorded["person_name"], "Maija Meikäläinen");
        assert_eq!(recorded["received_on"], "2026-01-15");
        assert_eq!(recorded["delivery"], "post");
        let listed = point
            .registrar
            .get(&path(api::ADMIN_REGISTRAR_CERTIFICATES, &[point.id]))
            .await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
        assert_eq!(listed.json()["certificates"][0], recorded);
        assert!(!listed.body.contains("-308T"), "{}", listed.body);

        // A staff card on it, an organisation card, and the county's own cards.
        let staff = assert_created(
            &point
                .order(&point.registrar, &staff_card(world.private, MAIJA))
                .await,
        );
        assert_eq!(staff["card_kind"], "staff_card");
        assert_eq!(staff["identity_code"], "131052-***T");
        assert_eq!(staff["certificate_id"], recorded["id"]);
        let organisation = assert_created(
            &point
                .order(&point.registrar, &organisation_card(world.private))
                .await,
        );
        assert_eq!(organisation["person_name"], Value::Null);
        assert_eq!(organisation["identity_code"], Value::Null);
        let county_staff = assert_created(
            &point
                .order(&point.registrar, &staff_card(world.county, MATTI))
                .await,
        );
        assert_eq!(county_staff["certificate_id"], Value::Null);
        assert_eq!(county_staff["identity_code"], "010190-***M");

        // Listed per point, and per customer.
        let orders_path = path(api::ADMIN_REGISTRAR_ORDERS, &[point.id]);
        let all = point.registrar.get(&orders_path).await;
        assert_eq!(all.status, StatusCode::OK, "{}", all.body);
        assert_eq!(all.json()["orders"].as_array().unwrap().len(), 3);
        assert_eq!(all.json()["orders"][0], staff);
        let private_orders = point
            .registrar
            .get(&format!("{orders_path}?customer={}", world.private))
            .await;
        assert_eq!(
            private_orders.json()["orders"],
            json!([staff, organisation]),
            "{}",
            private_orders.body
        );
        let later = point
            .registrar
            .get(&format!("{orders_path}?after={}", organisation["id"]))
            .await;
        assert_eq!(later.json()["orders"], json!([county_staff]));
        assert!(
            !all.body.contains("-308T") && !all.body.contains("-123M"),
            "{}",
            all.body
        );

        // Audited on the customer's account, the code masked only.
        let private_log = audit_text(world, world.private).await;
        assert!(
            private_log.contains("certificate_recorded"),
            "{private_log}"
        );
        assert!(private_log.contains("card_ordered"), "{private_log}");
        assert!(private_log.contains("131052-***T"), "{private_log}");
        assert!(!private_log.contains("-308T"), "{private_log}");
        assert!(!private_log.contains("131052308"), "{private_log}");
        let county_log = audit_text(world, world.county).await;
        assert!(county_log.contains("010190-***M"), "{county_log}");
        assert!(!county_log.contains("123M"), "{county_log}");
    }
}

/// Each row: an identity code refused with its field's code, on a certificate and on a
/// staff card's order.
async fn identity_code_refused(code: &str, expected: &str) {
    for database in support::databases().await {
        let point = point(&database).await;
        let private = point.world.private;
        let answer = point
            .record(&point.registrar, &certificate(private, code))
            .await;
        assert_field(&answer, "identity_code", expected);
        let answer = point
            .order(&point.registrar, &staff_card(point.world.county, code))
            .await;
        assert_field(&answer, "identity_code", expected);
        // Nothing was stored.
        let listed = point
            .registrar
            .get(&path(api::ADMIN_REGISTRAR_CERTIFICATES, &[point.id]))
            .await;
        assert_eq!(listed.json()["certificates"], json!([]));
    }
}

#[tokio::test]
async fn an_identity_code_with_a_wrong_check_character_is_refused() {
    identity_code_refused("131052-308U", "check_character").await;
}

#[tokio::test]
async fn an_identity_code_with_a_wrong_century_sign_is_refused() {
    identity_code_refused("131052S308T", "century_sign").await;
}

#[tokio::test]
async fn an_identity_code_with_an_impossible_date_is_refused() {
    // 29 February 1900: not a leap year.
    identity_code_refused("290200-101K", "date").await;
}

#[tokio::test]
async fn the_other_certificate_fields_are_checked_each() {
    for database in support::databases().await {
        let point = point(&database).await;
        let answer = point
            .record(
                &point.registrar,
                &json!({
                    "organisation_account_id": point.world.private,
                    "person_name": " ",
                    "identity_code": MAIJA,
                    "received_on": "2999-01-01",
                    "delivery": "fax",
                }),
            )
            .await;
        assert_refused(
            &answer,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(
            answer.json()["errors"],
            json!({
                "person_name": ["required"],
                "received_on": ["in_future"],
                "delivery": ["unknown"],
            })
        );
        // A body that is not the form's shape is 400, not a 500.
        assert_refused(
            &point
                .record(&point.registrar, &json!({ "identity_code": 131052308 }))
                .await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        );
        assert_field(
            &point
                .order(
                    &point.registrar,
                    &json!({ "customer_account_id": point.world.county, "card_kind": "gold" }),
                )
                .await,
            "card_kind",
            "unknown",
        );
    }
}

#[tokio::test]
async fn an_order_without_a_certificate_is_refused_and_allowed_once_one_is_recorded() {
    for database in support::databases().await {
        let point = point(&database).await;
        let private = point.world.private;
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(private, MAIJA))
                .await,
            StatusCode::CONFLICT,
            "certificate_required",
        );
        // Another person's certificate does not count.
        assert_created(
            &point
                .record(&point.registrar, &certificate(private, MATTI))
                .await,
        );
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(private, MAIJA))
                .await,
            StatusCode::CONFLICT,
            "certificate_required",
        );
        // The same person, written another way (lower case), matches by the blind index.
        assert_created(
            &point
                .record(&point.registrar, &certificate(private, "131052-308t"))
                .await,
        );
        assert_created(
            &point
                .order(&point.registrar, &staff_card(private, MAIJA))
                .await,
        );
        // The certificate once per person.
        assert_refused(
            &point
                .record(&point.registrar, &certificate(private, MAIJA))
                .await,
            StatusCode::CONFLICT,
            "certificate_already_recorded",
        );
        // Certificates are a private organisation's: not the county's.
        assert_refused(
            &point
                .record(&point.registrar, &certificate(point.world.county, MAIJA))
                .await,
            StatusCode::CONFLICT,
            "certificate_not_applicable",
        );
    }
}

#[tokio::test]
async fn a_revoked_authorisation_refuses_new_certificates_and_orders() {
    for database in support::databases().await {
        let point = point(&database).await;
        let world = &point.world;
        assert_created(
            &point
                .record(&point.registrar, &certificate(world.private, MAIJA))
                .await,
        );
        let revoked = world
            .private_admin
            .send_json(
                Method::POST,
                &path(
                    api::ADMIN_AUTHORISATION_REVOCATION,
                    &[world.private, point.private_authorisation],
                ),
                &json!({}),
            )
            .await;
        assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(world.private, MAIJA))
                .await,
            StatusCode::CONFLICT,
            "customer_authorisation_revoked",
        );
        assert_refused(
            &point
                .order(&point.registrar, &organisation_card(world.private))
                .await,
            StatusCode::CONFLICT,
            "customer_authorisation_revoked",
        );
        assert_refused(
            &point
                .record(&point.registrar, &certificate(world.private, MATTI))
                .await,
            StatusCode::CONFLICT,
            "customer_authorisation_revoked",
        );
        // The registrar's list shows it revoked.
        let customers = point
            .registrar
            .get(&path(api::ADMIN_REGISTRAR_CUSTOMERS, &[point.id]))
            .await;
        assert_eq!(customers.json()["customers"][1]["state"], "revoked");
        assert!(customers.json()["customers"][1]["revoked_at"].is_i64());
        // An organisation that never authorised the point, and an account that does not
        // exist, are no customers.
        for stranger in [world.rescue, 999_999] {
            assert_refused(
                &point
                    .order(&point.registrar, &organisation_card(stranger))
                    .await,
                StatusCode::CONFLICT,
                "not_a_customer",
            );
        }
    }
}

/// Runs `sql` on the database as it is, past the API (for a state the API cannot make).
async fn raw_sql(database: &Database, world: &World, sql: &'static str) {
    match world.state.storage.sqlite() {
        Some(sqlite) => sqlite
            .write(move |connection| {
                connection.execute_batch(sql)?;
                Ok(())
            })
            .await
            .unwrap(),
        None => {
            let (client, connection) =
                tokio_postgres::connect(&database.url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
            tokio::spawn(connection);
            client.batch_execute(sql).await.unwrap();
        }
    }
}

#[tokio::test]
async fn a_rescue_departments_cards_need_the_countys_state_administration_contract() {
    for database in support::databases().await {
        let point = point(&database).await;
        let world = &point.world;
        granted_contract(
            world,
            &world.rescue_admin,
            world.rescue,
            "sote_organisation",
        )
        .await;
        // The API refuses the authorisation itself without the county's contract; an
        // authorisation from before the rule (written past the API) meets the same rule at
        // the order.
        raw_sql(
            &database,
            world,
            "INSERT INTO authorisations (account_id, point_id, created_at) \
             SELECT a.id, r.point_id, 1700000000 FROM customer_accounts a, registrars r \
             WHERE a.kind = 'rescue_department' AND r.account_key = 'suomifi:dev-invitee-1'",
        )
        .await;
        assert_refused(
            &point
                .order(&point.registrar, &organisation_card(world.rescue))
                .await,
            StatusCode::CONFLICT,
            "county_lacks_state_administration_contract",
        );
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(world.rescue, MATTI))
                .await,
            StatusCode::CONFLICT,
            "county_lacks_state_administration_contract",
        );
        granted_contract(
            world,
            &world.county_admin,
            world.county,
            "state_administration",
        )
        .await;
        assert_created(
            &point
                .order(&point.registrar, &organisation_card(world.rescue))
                .await,
        );
        // A rescue department's staff need no certificate.
        assert_created(
            &point
                .order(&point.registrar, &staff_card(world.rescue, MATTI))
                .await,
        );
    }
}

#[tokio::test]
async fn ordering_the_same_card_twice_in_a_row_is_a_conflict() {
    for database in support::databases().await {
        let point = point(&database).await;
        let county = point.world.county;
        let first = assert_created(
            &point
                .order(&point.registrar, &organisation_card(county))
                .await,
        );
        assert_refused(
            &point
                .order(&point.registrar, &organisation_card(county))
                .await,
            StatusCode::CONFLICT,
            "card_already_ordered",
        );
        assert_created(
            &point
                .order(&point.registrar, &staff_card(county, MATTI))
                .await,
        );
        // The same person's code written another way is the same card.
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(county, " 010190-123m"))
                .await,
            StatusCode::CONFLICT,
            "card_already_ordered",
        );
        // Another person's is not.
        assert_created(
            &point
                .order(&point.registrar, &staff_card(county, MAIJA))
                .await,
        );
        // One order each: the refused ones left nothing.
        let orders = point
            .registrar
            .get(&path(api::ADMIN_REGISTRAR_ORDERS, &[point.id]))
            .await;
        assert_eq!(orders.json()["orders"].as_array().unwrap().len(), 3);
        assert_eq!(orders.json()["orders"][0], first);
    }
}

#[tokio::test]
async fn a_registrar_of_another_point_and_everyone_else_are_refused() {
    for database in support::databases().await {
        let point = point(&database).await;
        let world = &point.world;
        let private = world.private;
        let refused = [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (
                &point.other_registrar,
                StatusCode::FORBIDDEN,
                "not_point_registrar",
            ),
            (
                &world.county_admin,
                StatusCode::FORBIDDEN,
                "not_point_registrar",
            ),
            (
                &world.private_admin,
                StatusCode::FORBIDDEN,
                "not_point_registrar",
            ),
            (&world.officer, StatusCode::FORBIDDEN, "not_point_registrar"),
            (
                &world.professional,
                StatusCode::FORBIDDEN,
                "not_point_registrar",
            ),
        ];
        for (client, status, code) in refused {
            for read in [
                api::ADMIN_REGISTRAR_CUSTOMERS,
                api::ADMIN_REGISTRAR_CERTIFICATES,
                api::ADMIN_REGISTRAR_ORDERS,
            ] {
                assert_refused(&client.get(&path(read, &[point.id])).await, status, code);
            }
            assert_refused(
                &point.record(client, &certificate(private, MAIJA)).await,
                status,
                code,
            );
            assert_refused(
                &point.order(client, &organisation_card(private)).await,
                status,
                code,
            );
        }
        // A point that does not exist reads as one of another's: nothing told.
        assert_refused(
            &point
                .registrar
                .get(&path(api::ADMIN_REGISTRAR_CUSTOMERS, &[999_999]))
                .await,
            StatusCode::FORBIDDEN,
            "not_point_registrar",
        );
        // Removed rights end at once, in the write's own check too.
        raw_sql(
            &database,
            world,
            "UPDATE registrars SET removed_at = 1700000001 \
             WHERE account_key = 'suomifi:dev-invitee-1'",
        )
        .await;
        assert_refused(
            &point
                .order(&point.registrar, &organisation_card(world.county))
                .await,
            StatusCode::FORBIDDEN,
            "not_point_registrar",
        );
        // Nothing of it was stored.
        assert!(!audit_text(world, private).await.contains("card_ordered"));
    }
}

/// Every value of every table as text: the whole database as a dump would show it.
async fn dump(database: &Database, world: &World) -> String {
    match world.state.storage.sqlite() {
        Some(sqlite) => {
            let text = sqlite
                .read(|connection| {
                    let tables: Vec<String> = connection
                        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
                        .query_map([], |row| row.get(0))?
                        .collect::<Result<_, _>>()?;
                    let mut text = String::new();
                    for table in tables {
                        let mut statement =
                            connection.prepare(&format!("SELECT * FROM \"{table}\""))?;
                        let columns = statement.column_count();
                        let mut rows = statement.query([])?;
                        while let Some(row) = rows.next()? {
                            for index in 0..columns {
                                use rusqlite::types::ValueRef;
                                match row.get_ref(index)? {
                                    ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                                        text.push_str(&String::from_utf8_lossy(bytes));
                                    }
                                    ValueRef::Integer(number) => text.push_str(&number.to_string()),
                                    ValueRef::Real(number) => text.push_str(&number.to_string()),
                                    ValueRef::Null => {}
                                }
                                text.push('\n');
                            }
                        }
                    }
                    Ok(text)
                })
                .await
                .unwrap();
            // And the file's own bytes, the write-ahead log's with them.
            let file = database.url.strip_prefix("sqlite:").unwrap();
            let mut bytes = std::fs::read(file).unwrap();
            bytes.extend(std::fs::read(format!("{file}-wal")).unwrap_or_default());
            format!("{text}\n{}", String::from_utf8_lossy(&bytes))
        }
        None => {
            let (client, connection) =
                tokio_postgres::connect(&database.url, tokio_postgres::NoTls)
                    .await
                    .unwrap();
            tokio::spawn(connection);
            let tables: Vec<String> = client
                .query(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = current_schema()",
                    &[],
                )
                .await
                .unwrap()
                .iter()
                .map(|row| row.get(0))
                .collect();
            let mut text = String::new();
            for table in tables {
                for row in client
                    .query(&format!("SELECT t::text FROM \"{table}\" t"), &[])
                    .await
                    .unwrap()
                {
                    text.push_str(&row.get::<_, String>(0));
                    text.push('\n');
                }
            }
            text
        }
    }
}

// Guards the "a dump of the database has no identity code in clear": after
// certificates and orders, no table (nor SQLite's file) holds a code or its digits.
#[tokio::test]
async fn a_dump_of_the_database_holds_no_identity_code_in_clear() {
    for database in support::databases().await {
        let point = point(&database).await;
        let world = &point.world;
        assert_created(
            &point
                .record(&point.registrar, &certificate(world.private, MAIJA))
                .await,
        );
        assert_created(
            &point
                .order(&point.registrar, &staff_card(world.private, MAIJA))
                .await,
        );
        assert_created(
            &point
                .order(&point.registrar, &staff_card(world.county, MATTI))
                .await,
        );
        // A refused order's code is not kept either.
        assert_refused(
            &point
                .order(&point.registrar, &staff_card(world.private, "280299+0029"))
                .await,
            StatusCode::CONFLICT,
            "certificate_required",
        );
        let dump = dump(&database, world).await;
        assert!(
            dump.contains("Maija Meikäläinen"),
            "the dump reads the tables"
        );
        for code in [MAIJA, MATTI, "280299+0029"] {
            let digits: String = code.chars().filter(char::is_ascii_digit).collect();
            for clear in [code.to_owned(), digits, code.to_lowercase()] {
                assert!(
                    !dump.contains(&clear),
                    "{} dump holds {clear}",
                    database.name
                );
            }
        }
        // The masked form is what the audit log keeps.
        assert!(dump.contains("131052-***T"));
    }
}

// Guards the point's lock on PostgreSQL (and SQLite's single writer): two orders of the same
// card at the same moment make one order and one `card_already_ordered`, never two orders.
#[tokio::test]
async fn the_same_card_ordered_twice_at_once_is_made_once() {
    for database in support::databases().await {
        let point = point(&database).await;
        let county = point.world.county;
        let second = Client::signed_in(&point.world.state, "invitee").await;
        for body in [organisation_card(county), staff_card(county, MATTI)] {
            let (one, two) = tokio::join!(
                point.order(&point.registrar, &body),
                point.order(&second, &body)
            );
            let mut statuses = [one.status, two.status];
            statuses.sort();
            assert_eq!(
                statuses,
                [StatusCode::CREATED, StatusCode::CONFLICT],
                "{}: {} / {}",
                database.name,
                one.body,
                two.body
            );
            let refused = if one.status == StatusCode::CONFLICT {
                &one
            } else {
                &two
            };
            assert_eq!(refused.json()["code"], "card_already_ordered");
        }
        let orders = point
            .registrar
            .get(&path(api::ADMIN_REGISTRAR_ORDERS, &[point.id]))
            .await;
        assert_eq!(orders.json()["orders"].as_array().unwrap().len(), 2);
    }
}
