//! The registration-point administration's API, part 1 step 2, through the whole router on
//! SQLite and on PostgreSQL: a county's registration points (its main point with the granted
//! contract, orders the officer approves once with a service number or rejects), the look-up
//! of a point by its service number, authorisations and their revocation, and the point's
//! customers. Per endpoint: a signed-out client, a professional, a member and another
//! account's administrator are refused with a code, and ids of other accounts answer 404 as
//! missing ones.

mod support;

use axum::http::{Method, StatusCode};
use contract::paths::api;
use domain::AccountKey;
use domain::administration::{PointOrderInput, ServiceNumber};
use serde_json::{Value, json};
use server::storage::administration::{AdminConflict, Audit};
use support::admin::{World, assert_refused, path, world};
use support::{Answer, Client};

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

fn grant() -> Value {
    json!({ "grant": true, "rejection_reason": null })
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
            &grant(),
        )
        .await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
}

fn points_of(answer: &Answer) -> Vec<Value> {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.json()["points"].as_array().unwrap().clone()
}

async fn audit_actions(world: &World, account: i64) -> Vec<String> {
    let log = world
        .officer
        .get(&format!("{}?account={account}", api::ADMIN_AUDIT))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    log.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_countys_granted_contract_brings_its_main_point_once() {
    for database in support::databases().await {
        let world = world(&database).await;
        let points_path = path(api::ADMIN_ACCOUNT_POINTS, &[world.county]);
        let points = points_of(&world.county_admin.get(&points_path).await);
        assert_eq!(points.len(), 3, "{points:?}");
        let main: Vec<&Value> = points
            .iter()
            .filter(|point| point["is_main"] == true)
            .collect();
        assert_eq!(main.len(), 1);
        assert_eq!(main[0]["name"], "Keski-Uudenmaan hyvinvointialue");
        assert_eq!(main[0]["postal_address"], Value::Null);
        let mut numbers: Vec<String> = points
            .iter()
            .map(|point| {
                assert_eq!(point["state"], "approved");
                let number = point["service_number"].as_str().unwrap();
                assert!(number.parse::<ServiceNumber>().is_ok(), "{number}");
                number.to_owned()
            })
            .collect();
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), 3);
        assert!(
            audit_actions(&world, world.county)
                .await
                .contains(&"main_point_created".to_owned())
        );
        // A second sote organisation contract (and a state administration one) bring no
        // second main point.
        granted_contract(
            &world,
            &world.county_admin,
            world.county,
            "sote_organisation",
        )
        .await;
        granted_contract(
            &world,
            &world.county_admin,
            world.county,
            "state_administration",
        )
        .await;
        let again = points_of(&world.county_admin.get(&points_path).await);
        assert_eq!(again.len(), 3);
        // A private organisation's grant brings no point at all.
        granted_contract(
            &world,
            &world.private_admin,
            world.private,
            "sote_organisation",
        )
        .await;
        let none = points_of(
            &world
                .private_admin
                .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.private]))
                .await,
        );
        assert!(none.is_empty());
    }
}

#[tokio::test]
async fn a_point_order_is_approved_once_with_its_service_number() {
    for database in support::databases().await {
        let world = world(&database).await;
        let points_path = path(api::ADMIN_ACCOUNT_POINTS, &[world.county]);
        // Listing: the county's members and officers; others 404, as a missing account.
        let other = world.private_admin.get(&points_path).await;
        let missing = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT_POINTS, &[999_999]))
            .await;
        assert_refused(&other, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(other.body, missing.body);
        for client in [&world.professional, &world.member, &world.rescue_admin] {
            assert_refused(
                &client.get(&points_path).await,
                StatusCode::NOT_FOUND,
                "not_found",
            );
        }
        assert_refused(
            &world.signed_out.get(&points_path).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        assert_eq!(points_of(&world.officer.get(&points_path).await).len(), 3);
        assert_refused(
            &world
                .county_admin
                .get(&format!("{points_path}?after=x"))
                .await,
            StatusCode::BAD_REQUEST,
            "bad_request",
        );

        // Ordering: the county's administrator only.
        let order = json!({ "point_name": "Hyvinkään rekisteröintipiste", "postal_address": "Sairaalankatu 1, 05850 Hyvinkää" });
        for (client, status, code) in [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (&world.professional, StatusCode::NOT_FOUND, "not_found"),
            (&world.private_admin, StatusCode::NOT_FOUND, "not_found"),
            (&world.member, StatusCode::NOT_FOUND, "not_found"),
            (&world.officer, StatusCode::FORBIDDEN, "forbidden"),
        ] {
            assert_refused(
                &client.send_json(Method::POST, &points_path, &order).await,
                status,
                code,
            );
        }
        // Points are a county's.
        assert_refused(
            &world
                .private_admin
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_ACCOUNT_POINTS, &[world.private]),
                    &order,
                )
                .await,
            StatusCode::FORBIDDEN,
            "not_a_wellbeing_county",
        );
        assert_refused(
            &world
                .member
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_ACCOUNT_POINTS, &[world.private]),
                    &order,
                )
                .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        let bad = world
            .county_admin
            .send_json(
                Method::POST,
                &points_path,
                &json!({ "point_name": "H", "postal_address": " " }),
            )
            .await;
        assert_field(&bad, "point_name", "too_short");
        assert_field(&bad, "postal_address", "required");
        let ordered = world
            .county_admin
            .send_json(Method::POST, &points_path, &order)
            .await;
        assert_eq!(ordered.status, StatusCode::CREATED, "{}", ordered.body);
        assert_eq!(ordered.json()["state"], "ordered");
        assert_eq!(ordered.json()["service_number"], Value::Null);
        let id = ordered.json()["id"].as_i64().unwrap();
        let listed = points_of(&world.county_admin.get(&points_path).await);
        assert_eq!(listed.last().unwrap()["state"], "ordered");

        // The officer's queue.
        for client in [&world.county_admin, &world.member, &world.professional] {
            assert_refused(
                &client.get(api::ADMIN_POINT_ORDERS).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }
        assert_refused(
            &world.signed_out.get(api::ADMIN_POINT_ORDERS).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        let answer = world.officer.get(api::ADMIN_POINT_ORDERS).await;
        let owners = answer.json()["accounts"].clone();
        let queue = points_of(&answer);
        // The officer's list names the county of each order, once.
        assert_eq!(owners.as_array().map(Vec::len), Some(1), "{owners}");
        assert_eq!(owners[0]["id"], queue[0]["account_id"]);
        let queued: Vec<i64> = queue
            .iter()
            .map(|point| point["id"].as_i64().unwrap())
            .collect();
        assert_eq!(queued, vec![id]);

        // Only an officer decides, once.
        let decision = path(api::ADMIN_POINT_ORDER_DECISION, &[id]);
        for (client, status, code) in [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (&world.county_admin, StatusCode::FORBIDDEN, "forbidden"),
            (&world.private_admin, StatusCode::FORBIDDEN, "forbidden"),
            (&world.professional, StatusCode::FORBIDDEN, "forbidden"),
        ] {
            assert_refused(
                &client.send_json(Method::POST, &decision, &grant()).await,
                status,
                code,
            );
        }
        let approved = world
            .officer
            .send_json(Method::POST, &decision, &grant())
            .await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
        assert_eq!(approved.json()["state"], "approved");
        let number: ServiceNumber = approved.json()["service_number"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let others: Vec<Value> = listed
            .iter()
            .map(|point| point["service_number"].clone())
            .collect();
        assert!(!others.contains(&json!(number.as_str())));
        for again in [
            grant(),
            json!({ "grant": false, "rejection_reason": "Myöhässä" }),
        ] {
            assert_refused(
                &world
                    .officer
                    .send_json(Method::POST, &decision, &again)
                    .await,
                StatusCode::CONFLICT,
                "point_order_already_decided",
            );
        }
        assert_refused(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_POINT_ORDER_DECISION, &[999_999]),
                    &grant(),
                )
                .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        assert!(points_of(&world.officer.get(api::ADMIN_POINT_ORDERS).await).is_empty());

        // A rejection says why and assigns no number.
        let second = world
            .county_admin
            .send_json(Method::POST, &points_path, &order)
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let decision = path(api::ADMIN_POINT_ORDER_DECISION, &[second]);
        assert_field(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &decision,
                    &json!({ "grant": false, "rejection_reason": " " }),
                )
                .await,
            "rejection_reason",
            "required",
        );
        let rejected = world
            .officer
            .send_json(
                Method::POST,
                &decision,
                &json!({ "grant": false, "rejection_reason": "Osoite puuttuu" }),
            )
            .await;
        assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.body);
        assert_eq!(rejected.json()["state"], "rejected");
        assert_eq!(rejected.json()["service_number"], Value::Null);
        assert_eq!(rejected.json()["rejection_reason"], "Osoite puuttuu");
        assert_refused(
            &world
                .officer
                .send_json(Method::POST, &decision, &grant())
                .await,
            StatusCode::CONFLICT,
            "point_order_already_decided",
        );

        let actions = audit_actions(&world, world.county).await;
        assert_eq!(
            &actions[..4],
            [
                "point_rejected",
                "point_ordered",
                "point_approved",
                "point_ordered"
            ]
        );

        // Without a granted contract an order is refused (no county of the demonstration
        // lacks one, so the storage is asked directly, as the handler asks it).
        let actor = AccountKey::from_stored("suomifi:test");
        let refused = world
            .state
            .storage
            .point_order(
                Audit {
                    actor,
                    at: 1,
                    action: "point_ordered",
                },
                world.rescue,
                PointOrderInput {
                    point_name: "Pelastusasema".into(),
                    postal_address: "Asemakatu 1, 00100 Helsinki".into(),
                }
                .validate()
                .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            refused,
            Err(AdminConflict::Refused(
                domain::administration::AuthorisationRefusal::NoGrantedContract
            ))
        );
    }
}

/// The first non-main approved point of the county, its id and number.
async fn county_point(world: &World) -> (i64, String) {
    let points = points_of(
        &world
            .county_admin
            .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.county]))
            .await,
    );
    let point = points
        .iter()
        .find(|point| point["is_main"] == false)
        .unwrap();
    (
        point["id"].as_i64().unwrap(),
        point["service_number"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn a_point_is_looked_up_by_its_service_number() {
    for database in support::databases().await {
        let world = world(&database).await;
        let (id, number) = county_point(&world).await;
        let lookup = |text: &str| format!("{}?service_number={}", api::ADMIN_POINT_LOOKUP, text);
        let found = world.private_admin.get(&lookup(&number)).await;
        assert_eq!(found.status, StatusCode::OK, "{}", found.body);
        assert_eq!(found.json()["point_id"], id);
        assert_eq!(found.json()["county"], "02");
        assert_eq!(
            found.json()["county_name"],
            "Keski-Uudenmaan hyvinvointialue"
        );
        assert!(
            found.json()["name"]
                .as_str()
                .unwrap()
                .contains("rekisteröintipiste")
        );
        // Grouped as it is printed.
        let grouped = format!("{}%20{}", &number[..4], &number[4..]);
        assert_eq!(
            world.private_admin.get(&lookup(&grouped)).await.status,
            StatusCode::OK
        );
        assert_field(
            &world.private_admin.get(&lookup("1234")).await,
            "service_number",
            "format",
        );
        let mut typo = number.clone().into_bytes();
        typo[3] = b'0' + (typo[3] - b'0' + 1) % 10;
        let typo = String::from_utf8(typo).unwrap();
        assert_field(
            &world.private_admin.get(&lookup(&typo)).await,
            "service_number",
            "check_digit",
        );
        let unknown = ServiceNumber::from_serial(9_999_999).unwrap();
        assert_field(
            &world.private_admin.get(&lookup(unknown.as_str())).await,
            "service_number",
            "not_found",
        );
        assert_field(
            &world.private_admin.get(api::ADMIN_POINT_LOOKUP).await,
            "service_number",
            "required",
        );
        for client in [&world.member, &world.professional] {
            assert_refused(
                &client.get(&lookup(&number)).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }
        assert_refused(
            &world.signed_out.get(&lookup(&number)).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        assert_eq!(
            world.officer.get(&lookup(&number)).await.status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn authorising_follows_the_bulletin_and_revoking_stops_it_at_once() {
    for database in support::databases().await {
        let world = world(&database).await;
        let (point, number) = county_point(&world).await;
        let authorisations = path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.private]);
        let by_number = json!({ "service_number": number });

        // Only the account's administrator authorises.
        for (client, status, code) in [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (&world.professional, StatusCode::NOT_FOUND, "not_found"),
            (&world.rescue_admin, StatusCode::NOT_FOUND, "not_found"),
            (&world.member, StatusCode::FORBIDDEN, "forbidden"),
            (&world.officer, StatusCode::FORBIDDEN, "forbidden"),
        ] {
            assert_refused(
                &client
                    .send_json(Method::POST, &authorisations, &by_number)
                    .await,
                status,
                code,
            );
        }
        // Without a granted contract.
        assert_refused(
            &world
                .private_admin
                .send_json(Method::POST, &authorisations, &by_number)
                .await,
            StatusCode::CONFLICT,
            "no_granted_contract",
        );
        granted_contract(
            &world,
            &world.private_admin,
            world.private,
            "sote_organisation",
        )
        .await;
        // Bad numbers are the field's errors.
        assert_field(
            &world
                .private_admin
                .send_json(
                    Method::POST,
                    &authorisations,
                    &json!({ "service_number": "12" }),
                )
                .await,
            "service_number",
            "format",
        );
        let unknown = ServiceNumber::from_serial(9_999_999).unwrap();
        assert_field(
            &world
                .private_admin
                .send_json(
                    Method::POST,
                    &authorisations,
                    &json!({ "service_number": unknown.as_str() }),
                )
                .await,
            "service_number",
            "not_found",
        );
        let authorised = world
            .private_admin
            .send_json(Method::POST, &authorisations, &by_number)
            .await;
        assert_eq!(
            authorised.status,
            StatusCode::CREATED,
            "{}",
            authorised.body
        );
        assert_eq!(authorised.json()["point"]["point_id"], point);
        assert_eq!(authorised.json()["revoked_at"], Value::Null);
        let private_authorisation = authorised.json()["id"].as_i64().unwrap();
        assert_refused(
            &world
                .private_admin
                .send_json(Method::POST, &authorisations, &by_number)
                .await,
            StatusCode::CONFLICT,
            "already_authorised",
        );

        // A county never authorises.
        assert_refused(
            &world
                .county_admin
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.county]),
                    &by_number,
                )
                .await,
            StatusCode::FORBIDDEN,
            "county_cannot_authorise",
        );

        // A rescue department: only once the point's county has a granted "Valtionhallinnon
        // sopimus".
        let rescue_authorisations = path(api::ADMIN_ACCOUNT_AUTHORISATIONS, &[world.rescue]);
        granted_contract(
            &world,
            &world.rescue_admin,
            world.rescue,
            "sote_organisation",
        )
        .await;
        assert_refused(
            &world
                .rescue_admin
                .send_json(Method::POST, &rescue_authorisations, &by_number)
                .await,
            StatusCode::CONFLICT,
            "county_lacks_state_administration_contract",
        );
        granted_contract(
            &world,
            &world.county_admin,
            world.county,
            "state_administration",
        )
        .await;
        let rescue = world
            .rescue_admin
            .send_json(Method::POST, &rescue_authorisations, &by_number)
            .await;
        assert_eq!(rescue.status, StatusCode::CREATED, "{}", rescue.body);
        let rescue_authorisation = rescue.json()["id"].as_i64().unwrap();

        // The point's customers, "YS sote/organisaatio", for the county.
        let customers = path(api::ADMIN_POINT_CUSTOMERS, &[world.county, point]);
        let listed = world.county_admin.get(&customers).await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
        let listed_json = listed.json();
        let kinds: Vec<&str> = listed_json["customers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|customer| customer["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["private_sote", "rescue_department"]);
        assert_eq!(
            listed.json()["customers"][0]["name"],
            "Esimerkki Terveyspalvelut Oy"
        );
        for client in [&world.private_admin, &world.professional, &world.member] {
            assert_refused(
                &client.get(&customers).await,
                StatusCode::NOT_FOUND,
                "not_found",
            );
        }
        assert_refused(
            &world.signed_out.get(&customers).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        // A point of another account through this county's path, and a missing one: 404.
        let other_point = path(api::ADMIN_POINT_CUSTOMERS, &[world.county, 999_999]);
        assert_refused(
            &world.county_admin.get(&other_point).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        let point_elsewhere = path(api::ADMIN_POINT_CUSTOMERS, &[world.private, point]);
        assert_refused(
            &world.private_admin.get(&point_elsewhere).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );

        // The account's list: its members see it; others' ids are missing.
        let list = world.member.get(&authorisations).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert_eq!(
            list.json()["authorisations"][0]["id"],
            private_authorisation
        );
        for client in [
            &world.rescue_admin,
            &world.professional,
            &world.county_admin,
        ] {
            assert_refused(
                &client.get(&authorisations).await,
                StatusCode::NOT_FOUND,
                "not_found",
            );
        }

        // Revoking: the account's administrator, of the account's own authorisations.
        let revocation = path(
            api::ADMIN_AUTHORISATION_REVOCATION,
            &[world.private, private_authorisation],
        );
        for (client, status, code) in [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (&world.member, StatusCode::FORBIDDEN, "forbidden"),
            (&world.officer, StatusCode::FORBIDDEN, "forbidden"),
            (&world.rescue_admin, StatusCode::NOT_FOUND, "not_found"),
            (&world.professional, StatusCode::NOT_FOUND, "not_found"),
        ] {
            assert_refused(
                &client
                    .send_json(Method::POST, &revocation, &json!({}))
                    .await,
                status,
                code,
            );
        }
        let foreign = world
            .private_admin
            .send_json(
                Method::POST,
                &path(
                    api::ADMIN_AUTHORISATION_REVOCATION,
                    &[world.private, rescue_authorisation],
                ),
                &json!({}),
            )
            .await;
        let missing = world
            .private_admin
            .send_json(
                Method::POST,
                &path(
                    api::ADMIN_AUTHORISATION_REVOCATION,
                    &[world.private, 999_999],
                ),
                &json!({}),
            )
            .await;
        assert_refused(&foreign, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(foreign.body, missing.body);
        let revoked = world
            .private_admin
            .send_json(Method::POST, &revocation, &json!({}))
            .await;
        assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
        assert!(revoked.json()["revoked_at"].as_i64().is_some());
        assert_refused(
            &world
                .private_admin
                .send_json(Method::POST, &revocation, &json!({}))
                .await,
            StatusCode::CONFLICT,
            "authorisation_already_revoked",
        );
        // At once: the point no longer has the organisation as a customer.
        let listed = world.county_admin.get(&customers).await.json();
        let names: Vec<&str> = listed["customers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|customer| customer["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Esimerkin pelastuslaitos"]);
        // The revoked one stays listed, and the point can be authorised anew.
        let list = world.private_admin.get(&authorisations).await.json();
        assert!(list["authorisations"][0]["revoked_at"].as_i64().is_some());
        let again = world
            .private_admin
            .send_json(Method::POST, &authorisations, &by_number)
            .await;
        assert_eq!(again.status, StatusCode::CREATED, "{}", again.body);

        let actions = audit_actions(&world, world.private).await;
        assert_eq!(
            &actions[..3],
            [
                "point_authorised",
                "authorisation_revoked",
                "point_authorised"
            ]
        );
        let rescue_actions = audit_actions(&world, world.rescue).await;
        assert_eq!(rescue_actions[0], "point_authorised");
    }
}
