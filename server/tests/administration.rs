//! The registration-point administration's API, part 1, through the whole router on SQLite and
//! on PostgreSQL: who may do what (per endpoint: another account's administrator, a member, a
//! professional and a signed-out client are refused with a code, and ids of other accounts
//! answer 404 as missing ones), the contract's way from draft to decision, the refusals of bad
//! input, and the audit log of each change.

mod support;

use axum::http::{Method, StatusCode};
use contract::paths::api;
use serde_json::{Value, json};
use support::admin::{assert_refused, path, world};

#[tokio::test]
async fn each_person_sees_their_own_roles() {
    for database in support::databases().await {
        let world = world(&database).await;
        let me = world.officer.get(api::ADMIN_ME).await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.body);
        assert_eq!(me.json()["officer"], true);
        let me = world.county_admin.get(api::ADMIN_ME).await.json();
        assert_eq!(me["officer"], false);
        assert_eq!(me["accounts"][0]["name"], "Keski-Uudenmaan hyvinvointialue");
        assert_eq!(me["accounts"][0]["kind"], "wellbeing_county");
        assert_eq!(me["accounts"][0]["county"], "02");
        assert_eq!(me["accounts"][0]["role"], "administrator");
        let me = world.member.get(api::ADMIN_ME).await.json();
        assert_eq!(me["accounts"][0]["role"], "member");
        let me = world.professional.get(api::ADMIN_ME).await.json();
        assert_eq!(
            me,
            json!({ "officer": false, "accounts": [], "registrar_points": [] })
        );
        assert_refused(
            &world.signed_out.get(api::ADMIN_ME).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
    }
}

#[tokio::test]
async fn accounts_are_listed_in_pages_to_officers_and_to_their_members_only() {
    for database in support::databases().await {
        let world = world(&database).await;
        let page = world.officer.get(api::ADMIN_ACCOUNTS).await.json();
        // 22 counties and the City of Helsinki's, two private organisations, a rescue
        // department.
        assert_eq!(page["accounts"].as_array().unwrap().len(), 25);
        assert_eq!(page["next_after"], Value::Null);
        let page = world.private_admin.get(api::ADMIN_ACCOUNTS).await.json();
        let ids: Vec<i64> = page["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|account| account["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, vec![world.private]);
        let page = world.professional.get(api::ADMIN_ACCOUNTS).await.json();
        assert_eq!(page["accounts"], json!([]));
        assert_refused(
            &world
                .officer
                .get(&format!("{}?after=x", api::ADMIN_ACCOUNTS))
                .await,
            StatusCode::BAD_REQUEST,
            "bad_request",
        );
        assert_refused(
            &world.signed_out.get(api::ADMIN_ACCOUNTS).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
    }
}

#[tokio::test]
async fn another_accounts_id_answers_as_a_missing_one() {
    for database in support::databases().await {
        let world = world(&database).await;
        let shown = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT, &[world.private]))
            .await;
        assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        assert_eq!(shown.json()["account"]["role"], "administrator");
        let other = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT, &[world.county]))
            .await;
        let missing = world
            .private_admin
            .get(&path(api::ADMIN_ACCOUNT, &[999_999]))
            .await;
        assert_refused(&other, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(other.body, missing.body);
        for client in [&world.professional, &world.rescue_admin] {
            assert_refused(
                &client
                    .get(&path(api::ADMIN_ACCOUNT, &[world.private]))
                    .await,
                StatusCode::NOT_FOUND,
                "not_found",
            );
        }
        assert_refused(
            &world
                .private_admin
                .get("/api/admin/accounts/not-a-number")
                .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        assert_refused(
            &world
                .signed_out
                .get(&path(api::ADMIN_ACCOUNT, &[world.private]))
                .await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        // The officer sees every account; a member their own.
        for client in [&world.officer, &world.member] {
            let shown = client
                .get(&path(api::ADMIN_ACCOUNT, &[world.private]))
                .await;
            assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        }
    }
}

/// The business ID of the seven digits `serial` with the check digit the domain's rule accepts
/// (none, for a serial whose remainder is 1).
fn valid_business_id(serial: u32) -> Option<String> {
    (0..10)
        .map(|check| format!("{serial:07}-{check}"))
        .find(|candidate| {
            candidate
                .parse::<domain::administration::BusinessId>()
                .is_ok()
        })
}

fn new_account(name: &str, business_id: &str, kind: &str) -> Value {
    json!({ "organisation_name": name, "business_id": business_id, "account_kind": kind })
}

#[tokio::test]
async fn only_an_officer_opens_accounts_and_bad_input_is_refused_per_field() {
    for database in support::databases().await {
        let world = world(&database).await;
        let input = new_account("Testi Hoiva Oy", "1572860-0", "private_sote");
        for (client, status, code) in [
            (
                &world.signed_out,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
            ),
            (&world.professional, StatusCode::FORBIDDEN, "forbidden"),
            (&world.county_admin, StatusCode::FORBIDDEN, "forbidden"),
            (&world.member, StatusCode::FORBIDDEN, "forbidden"),
        ] {
            assert_refused(
                &client
                    .send_json(Method::POST, api::ADMIN_ACCOUNTS, &input)
                    .await,
                status,
                code,
            );
        }
        let opened = world
            .officer
            .send_json(Method::POST, api::ADMIN_ACCOUNTS, &input)
            .await;
        assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.body);
        assert_eq!(opened.json()["business_id"], "1572860-0");
        assert_refused(
            &world
                .officer
                .send_json(Method::POST, api::ADMIN_ACCOUNTS, &input)
                .await,
            StatusCode::CONFLICT,
            "business_id_taken",
        );
        let county_again = json!({
            "organisation_name": "Toinen Keski-Uusimaa", "business_id": "1572861-9",
            "account_kind": "wellbeing_county", "wellbeing_county_of_account": "02",
        });
        assert_refused(
            &world
                .officer
                .send_json(Method::POST, api::ADMIN_ACCOUNTS, &county_again)
                .await,
            StatusCode::CONFLICT,
            "county_taken",
        );
        // Each field's rule, with its code; nothing is written.
        let bad = world
            .officer
            .send_json(
                Method::POST,
                api::ADMIN_ACCOUNTS,
                &json!({ "organisation_name": " ", "business_id": "1572860-1", "account_kind": "bank" }),
            )
            .await;
        assert_refused(&bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let errors = &bad.json()["errors"];
        assert_eq!(errors["business_id"], json!(["check_digit"]), "{errors}");
        assert_eq!(errors["organisation_name"], json!(["required"]), "{errors}");
        assert_eq!(errors["account_kind"], json!(["unknown"]), "{errors}");
        let no_county = new_account("Hyvinvointialue X", "1572862-7", "wellbeing_county");
        let bad = world
            .officer
            .send_json(Method::POST, api::ADMIN_ACCOUNTS, &no_county)
            .await;
        assert_refused(&bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            bad.json()["errors"]["wellbeing_county_of_account"],
            json!(["empty"]),
            "{}",
            bad.body
        );
        assert_refused(
            &world
                .officer
                .send_body(
                    Method::POST,
                    api::ADMIN_ACCOUNTS,
                    Some("application/json"),
                    "{\"organisation_name\": 5}".into(),
                )
                .await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        );
        let page = world.officer.get(api::ADMIN_ACCOUNTS).await.json();
        assert_eq!(page["accounts"].as_array().unwrap().len(), 26);
    }
}

#[tokio::test]
async fn a_contract_goes_from_draft_to_decision_and_every_step_is_audited() {
    for database in support::databases().await {
        let world = world(&database).await;
        let contracts = path(api::ADMIN_ACCOUNT_CONTRACTS, &[world.private]);
        let kind = json!({ "contract_kind": "sote_organisation" });
        // Only the account's administrator applies.
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
                &client.send_json(Method::POST, &contracts, &kind).await,
                status,
                code,
            );
        }
        assert_refused(
            &world
                .private_admin
                .send_json(
                    Method::POST,
                    &contracts,
                    &json!({ "contract_kind": "lease" }),
                )
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        let draft = world
            .private_admin
            .send_json(Method::POST, &contracts, &kind)
            .await;
        assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.body);
        assert_eq!(draft.json()["state"], "draft");
        let id = draft.json()["id"].as_i64().unwrap();

        // A draft is not the agency's yet.
        let decision = path(api::ADMIN_CONTRACT_DECISION, &[id]);
        assert_refused(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &decision,
                    &json!({ "grant": true, "rejection_reason": null }),
                )
                .await,
            StatusCode::CONFLICT,
            "contract_not_submitted",
        );

        let submission = path(api::ADMIN_CONTRACT_SUBMISSION, &[world.private, id]);
        assert_refused(
            &world
                .member
                .send_json(Method::POST, &submission, &json!({}))
                .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        // The contract through another account's path is not found.
        assert_refused(
            &world
                .rescue_admin
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_CONTRACT_SUBMISSION, &[world.rescue, id]),
                    &json!({}),
                )
                .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        let submitted = world
            .private_admin
            .send_json(Method::POST, &submission, &json!({}))
            .await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
        assert_eq!(submitted.json()["state"], "submitted");
        assert_refused(
            &world
                .private_admin
                .send_json(Method::POST, &submission, &json!({}))
                .await,
            StatusCode::CONFLICT,
            "contract_already_submitted",
        );

        // The officer's queue.
        for client in [&world.private_admin, &world.member, &world.professional] {
            assert_refused(
                &client.get(api::ADMIN_CONTRACTS_SUBMITTED).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }
        let queue = world
            .officer
            .get(api::ADMIN_CONTRACTS_SUBMITTED)
            .await
            .json();
        assert_eq!(queue["contracts"][0]["id"], id);
        // Each row's account is named once, so the officer sees whose it is.
        let owner = queue["contracts"][0]["account_id"].clone();
        let accounts = queue["accounts"].as_array().unwrap();
        assert_eq!(accounts.len(), 1, "{queue}");
        assert_eq!(accounts[0]["id"], owner);
        assert!(
            accounts[0]["name"]
                .as_str()
                .is_some_and(|name| !name.is_empty())
        );

        // Only an officer decides; a rejection needs its reason.
        for client in [&world.private_admin, &world.county_admin] {
            assert_refused(
                &client
                    .send_json(
                        Method::POST,
                        &decision,
                        &json!({ "grant": true, "rejection_reason": null }),
                    )
                    .await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }
        let unexplained = world
            .officer
            .send_json(
                Method::POST,
                &decision,
                &json!({ "grant": false, "rejection_reason": "  " }),
            )
            .await;
        assert_refused(
            &unexplained,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(
            unexplained.json()["errors"]["rejection_reason"],
            json!(["required"])
        );
        let granted = world
            .officer
            .send_json(
                Method::POST,
                &decision,
                &json!({ "grant": true, "rejection_reason": null }),
            )
            .await;
        assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
        assert_eq!(granted.json()["state"], "granted");
        assert_refused(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &decision,
                    &json!({ "grant": false, "rejection_reason": "Puutteellinen" }),
                )
                .await,
            StatusCode::CONFLICT,
            "contract_already_decided",
        );
        assert_refused(
            &world
                .officer
                .send_json(
                    Method::POST,
                    &path(api::ADMIN_CONTRACT_DECISION, &[999_999]),
                    &json!({ "grant": true, "rejection_reason": null }),
                )
                .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );

        // The applicant sees the state.
        let shown = world
            .member
            .get(&path(api::ADMIN_ACCOUNT, &[world.private]))
            .await
            .json();
        assert_eq!(shown["contracts"][0]["state"], "granted");

        // The audit log: the account's administrator sees their account's, newest first; the
        // officer sees all; others nothing.
        let audit = format!("{}?account={}", api::ADMIN_AUDIT, world.private);
        let log = world.private_admin.get(&audit).await;
        assert_eq!(log.status, StatusCode::OK, "{}", log.body);
        let actions: Vec<String> = log.json()["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["action"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            &actions[..3],
            ["contract_granted", "contract_submitted", "contract_created"]
        );
        let granted_entry = &log.json()["entries"][0];
        assert!(
            granted_entry["before"]
                .as_str()
                .unwrap()
                .contains("\"submitted\"")
        );
        assert!(
            granted_entry["after"]
                .as_str()
                .unwrap()
                .contains("\"granted\"")
        );
        assert!(
            granted_entry["actor"]
                .as_str()
                .unwrap()
                .starts_with("suomifi:")
        );
        for (client, status, code) in [
            (&world.member, StatusCode::FORBIDDEN, "forbidden"),
            (&world.rescue_admin, StatusCode::NOT_FOUND, "not_found"),
            (&world.professional, StatusCode::NOT_FOUND, "not_found"),
        ] {
            assert_refused(&client.get(&audit).await, status, code);
        }
        assert_refused(
            &world.private_admin.get(api::ADMIN_AUDIT).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        let all = world.officer.get(api::ADMIN_AUDIT).await;
        assert_eq!(all.status, StatusCode::OK, "{}", all.body);
        assert_eq!(all.json()["entries"][0]["action"], "contract_granted");
        // 50 entries a page: with 20 more accounts opened there are more than 50.
        for (serial, business_id) in (1_600_000..)
            .filter_map(|serial| Some((serial, valid_business_id(serial)?)))
            .take(20)
        {
            let opened = world
                .officer
                .send_json(
                    Method::POST,
                    api::ADMIN_ACCOUNTS,
                    &new_account(&format!("Yritys {serial} Oy"), &business_id, "private_sote"),
                )
                .await;
            assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.body);
        }
        let all = world.officer.get(api::ADMIN_AUDIT).await;
        assert_eq!(all.json()["entries"].as_array().unwrap().len(), 50);
        let older = all.json()["next_before"].as_i64().unwrap();
        let next = world
            .officer
            .get(&format!("{}?before={older}", api::ADMIN_AUDIT))
            .await
            .json();
        assert!(next["entries"][0]["id"].as_i64().unwrap() < older);
        drop(world.state);
    }
}
