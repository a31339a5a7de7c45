//! Becoming a registrar, through the whole router on SQLite and on PostgreSQL: the training
//! certificate's upload (streamed with a 5 MiB cap, its type from its bytes), the application
//! on a county's granted contract, the officer's queue, the file's download (to whom, with
//! which headers), the decision (registrar rights per point, the email in the applicant's
//! language, the audit log), `/api/admin/me` naming the points, and a test per bad input.

mod support;

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use contract::CSRF_HEADER;
use contract::paths::api;
use domain::administration::MAX_ATTACHMENT_BYTES;
use hyper::body::Frame;
use serde_json::{Value, json};
use support::admin::{World, assert_refused, path, world};
use support::{Answer, Client, HOST, ORIGIN};

/// Five MiB, the cap, as a length.
const CAP: usize = MAX_ATTACHMENT_BYTES as usize;

/// A PDF's bytes: its header, then `size` bytes in all.
fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n% koulutustodistus\n".to_vec();
    bytes.resize(size, b' ');
    bytes
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";

/// `POST /api/admin/attachments?name=…` of `body`, as the app sends it (no Content-Type of
/// the file's: the bytes decide).
fn upload_request(name: &str, body: Body, content_length: Option<usize>) -> Request<Body> {
    let mut request = Request::post(format!(
        "{}?name={}",
        api::ADMIN_ATTACHMENTS,
        contract::links::percent_encode(name)
    ))
    .header(CSRF_HEADER, "1")
    .header(header::HOST, HOST)
    .header(header::ORIGIN, ORIGIN)
    .header(header::CONTENT_TYPE, "application/octet-stream");
    if let Some(length) = content_length {
        request = request.header(header::CONTENT_LENGTH, length);
    }
    request.body(body).unwrap()
}

async fn upload(client: &Client, name: &str, bytes: &[u8]) -> Answer {
    client
        .send(upload_request(
            name,
            Body::from(bytes.to_vec()),
            Some(bytes.len()),
        ))
        .await
}

/// Uploads a PDF certificate and answers its id.
async fn uploaded(client: &Client) -> i64 {
    let answer = upload(client, "koulutustodistus.pdf", &pdf(2_000)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    answer.json()["id"].as_i64().unwrap()
}

/// A body of `total` bytes (a PDF's header first) that arrives in 64 KiB frames and counts
/// how many bytes the server pulled from it. Its length is not declared (no Content-Length),
/// as a client streaming a file it has not measured.
struct Streamed {
    remaining: usize,
    first: bool,
    pulled: Arc<AtomicU64>,
}

const FRAME: usize = 64 * 1024;

impl hyper::body::Body for Streamed {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        let size = self.remaining.min(FRAME);
        let chunk = if self.first {
            pdf(size)
        } else {
            vec![b' '; size]
        };
        self.first = false;
        self.remaining -= size;
        self.pulled.fetch_add(size as u64, Ordering::Relaxed);
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(chunk)))))
    }
}

fn streamed(total: usize) -> (Body, Arc<AtomicU64>) {
    let pulled = Arc::new(AtomicU64::new(0));
    let body = Body::new(Streamed {
        remaining: total,
        first: true,
        pulled: Arc::clone(&pulled),
    });
    (body, pulled)
}

/// The county's account's granted contract and its approved points by id (the main point
/// first), as its member sees them.
async fn county_contract_and_points(world: &World, client: &Client) -> (i64, Vec<i64>) {
    let account = client.get(&path(api::ADMIN_ACCOUNT, &[world.county])).await;
    assert_eq!(account.status, StatusCode::OK, "{}", account.body);
    let contract = account.json()["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|contract| contract["state"] == "granted")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let points = client
        .get(&path(api::ADMIN_ACCOUNT_POINTS, &[world.county]))
        .await;
    assert_eq!(points.status, StatusCode::OK, "{}", points.body);
    let ids = points.json()["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|point| point["id"].as_i64().unwrap())
        .collect();
    (contract, ids)
}

fn application(points: &[i64], attachment: Option<i64>, email: &str, language: &str) -> Value {
    json!({
        "point_ids": points,
        "attachment_id": attachment,
        "email": email,
        "language": language,
    })
}

async fn apply(client: &Client, account: i64, contract: i64, body: &Value) -> Answer {
    client
        .send_json(
            Method::POST,
            &path(
                api::ADMIN_CONTRACT_REGISTRAR_APPLICATIONS,
                &[account, contract],
            ),
            body,
        )
        .await
}

async fn download(client: &Client, id: i64) -> (StatusCode, HeaderMap, Vec<u8>) {
    client
        .send_for_bytes(
            Request::get(path(api::ADMIN_ATTACHMENT, &[id]))
                .header(header::HOST, HOST)
                .body(Body::empty())
                .unwrap(),
        )
        .await
}

async fn decide(client: &Client, application: i64, decision: &Value) -> Answer {
    client
        .send_json(
            Method::POST,
            &path(api::ADMIN_REGISTRAR_APPLICATION_DECISION, &[application]),
            decision,
        )
        .await
}

async fn audit_entries(world: &World, account: Option<i64>) -> Vec<Value> {
    let query = account.map_or(String::new(), |account| format!("?account={account}"));
    let log = world
        .officer
        .get(&format!("{}{query}", api::ADMIN_AUDIT))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    log.json()["entries"].as_array().unwrap().clone()
}

fn registrar_point_ids(me: &Answer) -> Vec<i64> {
    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    me.json()["registrar_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|point| point["point_id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn an_applicant_uploads_applies_and_the_officer_grants_the_rights_with_an_email() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        assert_eq!(points.len(), 3, "{}", database.name);
        assert!(registrar_point_ids(&applicant.get(api::ADMIN_ME).await).is_empty());

        // The certificate, uploaded as it is.
        let certificate = pdf(40_000);
        let uploaded = upload(&applicant, "Koulutustodistus Hakija.pdf", &certificate).await;
        assert_eq!(uploaded.status, StatusCode::CREATED, "{}", uploaded.body);
        let attachment = uploaded.json();
        assert_eq!(attachment["kind"], "pdf");
        assert_eq!(attachment["media_type"], "application/pdf");
        assert_eq!(attachment["size"], 40_000);
        assert_eq!(attachment["name"], "Koulutustodistus Hakija.pdf");
        let attachment_id = attachment["id"].as_i64().unwrap();

        // The application, in Swedish, for the two ordered points.
        let filed = apply(
            &applicant,
            world.county,
            contract,
            &application(
                &[points[2], points[1], points[2]],
                Some(attachment_id),
                "hanna.hakija@esimerkki.fi",
                "sv",
            ),
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let filed = filed.json();
        assert_eq!(filed["state"], "pending");
        assert_eq!(filed["applicant_name"], "Hanna Hakija");
        assert_eq!(filed["language"], "sv");
        assert_eq!(filed["attachment"]["id"], attachment_id);
        let named: Vec<i64> = filed["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|point| point["point_id"].as_i64().unwrap())
            .collect();
        assert_eq!(named, [points[1], points[2]]);
        assert!(filed["points"][0]["service_number"].is_string());
        let application_id = filed["id"].as_i64().unwrap();

        // The applicant sees it on the account's page; the officer in the queue, with whose.
        let own = applicant
            .get(&path(
                api::ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS,
                &[world.county],
            ))
            .await;
        assert_eq!(own.status, StatusCode::OK, "{}", own.body);
        assert_eq!(own.json()["applications"][0]["id"], application_id);
        // Another member of the account does not see the applicant's.
        let others = world
            .county_admin
            .get(&path(
                api::ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS,
                &[world.county],
            ))
            .await;
        assert_eq!(others.json()["applications"], json!([]), "{}", others.body);
        let queue = world.officer.get(api::ADMIN_REGISTRAR_APPLICATIONS).await;
        assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
        let queue = queue.json();
        assert_eq!(queue["applications"][0]["id"], application_id);
        assert_eq!(queue["accounts"][0]["id"], world.county);
        assert_eq!(
            queue["accounts"][0]["name"],
            "Keski-Uudenmaan hyvinvointialue"
        );
        for refused in [&applicant, &world.county_admin, &world.professional] {
            assert_refused(
                &refused.get(api::ADMIN_REGISTRAR_APPLICATIONS).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }

        // The file, to the applicant and the officer: the bytes as uploaded, as a download.
        for reader in [&applicant, &world.officer] {
            let (status, headers, bytes) = download(reader, attachment_id).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(bytes, certificate);
            assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
            assert_eq!(
                headers[header::CONTENT_DISPOSITION],
                "attachment; filename=\"Koulutustodistus_Hakija.pdf\""
            );
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
            assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        }
        // Nobody else, not even the account's administrator: as if it did not exist.
        for other in [&world.county_admin, &world.member, &world.professional] {
            let (status, _, bytes) = download(other, attachment_id).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            assert_eq!(
                serde_json::from_slice::<Value>(&bytes).unwrap()["code"],
                "not_found"
            );
        }
        let (status, _, _) = download(&world.signed_out, attachment_id).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        // The grant: the rights at both points, the email in Swedish, once.
        let granted = decide(&world.officer, application_id, &json!({"grant": true})).await;
        assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
        assert_eq!(granted.json()["state"], "granted");
        assert!(granted.json()["decided_at"].is_i64());
        let me = applicant.get(api::ADMIN_ME).await;
        assert_eq!(registrar_point_ids(&me), [points[1], points[2]]);
        let point = &me.json()["registrar_points"][0];
        assert_eq!(point["account_id"], world.county);
        assert!(
            point["name"]
                .as_str()
                .unwrap()
                .contains("rekisteröintipiste 1")
        );
        assert!(point["service_number"].is_string());
        for (point, registrars) in [(points[0], 3), (points[1], 3), (points[2], 2)] {
            assert_eq!(
                world
                    .state
                    .storage
                    .active_registrar_count(point)
                    .await
                    .unwrap(),
                registrars
            );
        }
        let outbox = world.state.storage.outbox_page(i64::MAX).await.unwrap();
        let mail = outbox
            .iter()
            .find(|message| message.recipient == "hanna.hakija@esimerkki.fi")
            .expect("the decision's email is queued");
        assert_eq!(mail.language, "sv");
        assert!(mail.subject.contains("beviljats"), "{}", mail.subject);
        assert!(mail.body.contains("rekisteröintipiste 2"), "{}", mail.body);
        assert!(mail.body.contains("/hallinta"), "{}", mail.body);
        assert_eq!(mail.sent_at, None);
        // Deciding again is refused, either way, and sends nothing more.
        for decision in [
            json!({"grant": true}),
            json!({"grant": false, "rejection_reason": "Myöhässä"}),
        ] {
            assert_refused(
                &decide(&world.officer, application_id, &decision).await,
                StatusCode::CONFLICT,
                "registrar_application_already_decided",
            );
        }
        let again = world.state.storage.outbox_page(i64::MAX).await.unwrap();
        assert_eq!(again.len(), outbox.len());
        // Gone from the queue; the applicant sees it granted.
        let queue = world.officer.get(api::ADMIN_REGISTRAR_APPLICATIONS).await;
        assert_eq!(queue.json()["applications"], json!([]));
        let own = applicant
            .get(&path(
                api::ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS,
                &[world.county],
            ))
            .await;
        assert_eq!(own.json()["applications"][0]["state"], "granted");

        // The audit log: each change, the file by its name, size and type, never its bytes
        // or the contact address.
        let entries = audit_entries(&world, None).await;
        let actions: Vec<&str> = entries
            .iter()
            .map(|entry| entry["action"].as_str().unwrap())
            .collect();
        for action in [
            "attachment_uploaded",
            "registrar_application_filed",
            "registrar_application_granted",
        ] {
            assert!(actions.contains(&action), "{action}: {actions:?}");
        }
        let uploaded_entry = entries
            .iter()
            .find(|entry| entry["action"] == "attachment_uploaded")
            .unwrap();
        let after: Value = serde_json::from_str(uploaded_entry["after"].as_str().unwrap()).unwrap();
        assert_eq!(after["name"], "Koulutustodistus Hakija.pdf");
        assert_eq!(after["size"], 40_000);
        assert_eq!(after["media_type"], "application/pdf");
        for entry in &entries {
            let text = entry.to_string();
            assert!(!text.contains("%PDF"), "{text}");
            assert!(!text.contains("hanna.hakija@"), "{text}");
        }
        let granted_entry = entries
            .iter()
            .find(|entry| entry["action"] == "registrar_application_granted")
            .unwrap();
        assert_eq!(granted_entry["account_id"], world.county);
        let after: Value = serde_json::from_str(granted_entry["after"].as_str().unwrap()).unwrap();
        assert_eq!(
            after["registrar_rights_granted_at_points"],
            json!([points[1], points[2]])
        );
    }
}

#[tokio::test]
async fn a_rejection_says_why_and_the_applicant_may_apply_again_with_a_new_upload() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        let first = uploaded(&applicant).await;
        let filed = apply(
            &applicant,
            world.county,
            contract,
            &application(&[points[0]], Some(first), "hanna@esimerkki.fi", "en"),
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let id = filed.json()["id"].as_i64().unwrap();
        // A rejection needs its reason.
        let missing = decide(&world.officer, id, &json!({"grant": false})).await;
        assert_refused(
            &missing,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(
            missing.json()["errors"]["rejection_reason"],
            json!(["required"])
        );
        // Only an officer decides.
        assert_refused(
            &decide(&world.county_admin, id, &json!({"grant": true})).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        assert_refused(
            &decide(&world.officer, 999_999, &json!({"grant": true})).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        let rejected = decide(
            &world.officer,
            id,
            &json!({"grant": false, "rejection_reason": "The certificate is not legible."}),
        )
        .await;
        assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.body);
        assert_eq!(rejected.json()["state"], "rejected");
        assert_eq!(
            rejected.json()["rejection_reason"],
            "The certificate is not legible."
        );
        assert!(registrar_point_ids(&applicant.get(api::ADMIN_ME).await).is_empty());
        let outbox = world.state.storage.outbox_page(i64::MAX).await.unwrap();
        let mail = outbox
            .iter()
            .find(|message| message.recipient == "hanna@esimerkki.fi")
            .unwrap();
        assert_eq!(mail.language, "en");
        assert!(mail.subject.contains("rejected"), "{}", mail.subject);
        assert!(mail.body.contains("The certificate is not legible."));
        // The rejected application's file stays with it: it cannot be used again.
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[0]], Some(first), "hanna@esimerkki.fi", "en"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "attachment_not_found",
        );
        // A new upload, a new application: nothing is pending now.
        let second = uploaded(&applicant).await;
        let again = apply(
            &applicant,
            world.county,
            contract,
            &application(&[points[0]], Some(second), "hanna@esimerkki.fi", "fi"),
        )
        .await;
        assert_eq!(again.status, StatusCode::CREATED, "{}", again.body);
        // The officer still reads the rejected application's file.
        let (status, _, _) = download(&world.officer, first).await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn the_type_is_the_files_bytes_and_the_size_is_capped() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;

        // A PDF named as an image is taken as the PDF it is, and served as one.
        let named_png = upload(&applicant, "todistus.png", &pdf(3_000)).await;
        assert_eq!(named_png.status, StatusCode::CREATED, "{}", named_png.body);
        assert_eq!(named_png.json()["kind"], "pdf");
        assert_eq!(named_png.json()["name"], "todistus.png");
        let (status, headers, _) =
            download(&applicant, named_png.json()["id"].as_i64().unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"todistus.pdf\""
        );

        // A PNG and a JPEG are taken, whatever they are called.
        let png = upload(&applicant, "kuva.pdf", PNG).await;
        assert_eq!(png.status, StatusCode::CREATED, "{}", png.body);
        assert_eq!(png.json()["kind"], "png");
        let (status, headers, bytes) =
            download(&applicant, png.json()["id"].as_i64().unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, PNG);
        assert_eq!(headers[header::CONTENT_TYPE], "image/png");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"kuva.png\""
        );
        let jpeg = upload(&applicant, "Åsa.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00").await;
        assert_eq!(jpeg.status, StatusCode::CREATED, "{}", jpeg.body);
        assert_eq!(jpeg.json()["media_type"], "image/jpeg");

        // Executables named as a PDF, and other types, are refused.
        let mut executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec();
        executable.resize(10_000, 0);
        for (name, bytes) in [
            ("todistus.pdf", executable.as_slice()),
            (
                "todistus.pdf",
                b"\x7fELF\x02\x01\x01\x00\x00\x00".as_slice(),
            ),
            ("todistus.pdf", b"#!/bin/sh\nrm -rf /\n".as_slice()),
            ("kuva.gif", b"GIF89a\x01\x00\x01\x00".as_slice()),
            ("tiny.pdf", b"%PDF".as_slice()),
        ] {
            assert_refused(
                &upload(&applicant, name, bytes).await,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "attachment_type_refused",
            );
        }

        // An empty file.
        assert_refused(
            &upload(&applicant, "tyhjä.pdf", b"").await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attachment_empty",
        );

        // Exactly 5 MiB is taken (past the API's 16 KiB limit for JSON bodies); one byte more
        // is not, declared or streamed.
        let exact = upload(&applicant, "iso.pdf", &pdf(CAP)).await;
        assert_eq!(exact.status, StatusCode::CREATED, "{}", exact.body);
        assert_eq!(exact.json()["size"], CAP);
        let (status, _, bytes) = download(&applicant, exact.json()["id"].as_i64().unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes.len(), CAP);
        assert_refused(
            &upload(&applicant, "iso.pdf", &pdf(CAP + 1)).await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "attachment_too_large",
        );
        let (body, pulled) = streamed(CAP + 1);
        assert_refused(
            &applicant.send(upload_request("iso.pdf", body, None)).await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "attachment_too_large",
        );
        assert_eq!(pulled.load(Ordering::Relaxed), (CAP + 1) as u64);

        // 50 MB, streamed without a declared length: refused once the cap is passed. The
        // handler reads the body a frame at a time and stops at the first frame that would
        // take it past 5 MiB, so it pulled the cap and at most one frame more, never the 50
        // MB (a declared Content-Length over the cap is refused before reading at all).
        let (body, pulled) = streamed(50_000_000);
        assert_refused(
            &applicant
                .send(upload_request("valtava.pdf", body, None))
                .await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "attachment_too_large",
        );
        let pulled = pulled.load(Ordering::Relaxed);
        assert!(
            pulled <= (CAP + FRAME) as u64,
            "{pulled} bytes read of a refused upload"
        );
        let (body, pulled) = streamed(50_000_000);
        assert_refused(
            &applicant
                .send(upload_request("valtava.pdf", body, Some(50_000_000)))
                .await,
            StatusCode::PAYLOAD_TOO_LARGE,
            "attachment_too_large",
        );
        assert_eq!(pulled.load(Ordering::Relaxed), 0);

        // The name: required, no folders, no control characters.
        for name in ["", "../../etc/passwd.pdf", "todistus\n.pdf"] {
            assert_refused(
                &upload(&applicant, name, &pdf(100)).await,
                StatusCode::UNPROCESSABLE_ENTITY,
                "attachment_name_invalid",
            );
        }
        let nameless = applicant
            .send(
                Request::post(api::ADMIN_ATTACHMENTS)
                    .header(CSRF_HEADER, "1")
                    .header(header::HOST, HOST)
                    .header(header::ORIGIN, ORIGIN)
                    .body(Body::from(pdf(100)))
                    .unwrap(),
            )
            .await;
        assert_refused(
            &nameless,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attachment_name_invalid",
        );

        // Who may upload: signed in, a member of some account; with the CSRF header.
        assert_refused(
            &upload(&world.signed_out, "todistus.pdf", &pdf(100)).await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        assert_refused(
            &upload(&world.professional, "todistus.pdf", &pdf(100)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        let without_csrf = applicant
            .send(
                Request::post(format!("{}?name=a.pdf", api::ADMIN_ATTACHMENTS))
                    .header(header::HOST, HOST)
                    .body(Body::from(pdf(100)))
                    .unwrap(),
            )
            .await;
        assert_refused(&without_csrf, StatusCode::FORBIDDEN, "csrf_refused");
    }
}

#[tokio::test]
async fn an_unused_upload_is_its_uploaders_alone_and_replaced_by_the_next() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        let first = uploaded(&applicant).await;
        // Not even an officer reads a file no application names.
        let (status, _, _) = download(&world.officer, first).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // Another person cannot attach it.
        let registrar = Client::signed_in(&world.state, "registrar").await;
        assert_refused(
            &apply(
                &registrar,
                world.county,
                contract,
                &application(&[points[2]], Some(first), "reija@esimerkki.fi", "fi"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "attachment_not_found",
        );
        // A newer upload replaces the unused one.
        let second = uploaded(&applicant).await;
        let (status, _, _) = download(&applicant, first).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}", database.name);
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[2]], Some(first), "hanna@esimerkki.fi", "fi"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "attachment_not_found",
        );
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[2]], Some(999_999), "hanna@esimerkki.fi", "fi"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "attachment_not_found",
        );
        let filed = apply(
            &applicant,
            world.county,
            contract,
            &application(&[points[2]], Some(second), "hanna@esimerkki.fi", "fi"),
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        // Once named by an application, a newer upload leaves it be.
        uploaded(&applicant).await;
        let (status, _, _) = download(&applicant, second).await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn an_application_is_refused_with_a_code_for_each_rule() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        let attachment = uploaded(&applicant).await;
        let email = "hanna@esimerkki.fi";

        // A contract that is not granted: the county's draft of a state administration one.
        let draft = world
            .county_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_CONTRACTS, &[world.county]),
                &json!({"contract_kind": "state_administration"}),
            )
            .await;
        assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.body);
        let draft = draft.json()["id"].as_i64().unwrap();
        assert_refused(
            &apply(
                &applicant,
                world.county,
                draft,
                &application(&[points[0]], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::CONFLICT,
            "contract_not_granted",
        );

        // A point of another county.
        let accounts = world.officer.get(api::ADMIN_ACCOUNTS).await;
        let other_county = accounts.json()["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|account| account["kind"] == "wellbeing_county" && account["id"] != world.county)
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let other_points = world
            .officer
            .get(&path(api::ADMIN_ACCOUNT_POINTS, &[other_county]))
            .await;
        let other_point = other_points.json()["points"][0]["id"].as_i64().unwrap();
        for chosen in [
            vec![other_point],
            vec![points[0], other_point],
            vec![999_999],
        ] {
            assert_refused(
                &apply(
                    &applicant,
                    world.county,
                    contract,
                    &application(&chosen, Some(attachment), email, "fi"),
                )
                .await,
                StatusCode::CONFLICT,
                "registrar_point_unavailable",
            );
        }
        // A point the county ordered that is not approved yet.
        let ordered = world
            .county_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_POINTS, &[world.county]),
                &json!({"point_name": "Uusi piste", "postal_address": "Katu 1, 00100 Helsinki"}),
            )
            .await;
        assert_eq!(ordered.status, StatusCode::CREATED, "{}", ordered.body);
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(
                    &[ordered.json()["id"].as_i64().unwrap()],
                    Some(attachment),
                    email,
                    "fi",
                ),
            )
            .await,
            StatusCode::CONFLICT,
            "registrar_point_unavailable",
        );

        // A registrar at every chosen point already; at one of two, the application is taken.
        let registrar = Client::signed_in(&world.state, "registrar").await;
        let registrars_upload = uploaded(&registrar).await;
        assert_refused(
            &apply(
                &registrar,
                world.county,
                contract,
                &application(
                    &[points[0], points[1]],
                    Some(registrars_upload),
                    "reija@esimerkki.fi",
                    "fi",
                ),
            )
            .await,
            StatusCode::CONFLICT,
            "already_registrar",
        );
        let third_point = apply(
            &registrar,
            world.county,
            contract,
            &application(
                &[points[1], points[2]],
                Some(registrars_upload),
                "reija@esimerkki.fi",
                "fi",
            ),
        )
        .await;
        assert_eq!(
            third_point.status,
            StatusCode::CREATED,
            "{}",
            third_point.body
        );

        // The form's own checks.
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "registrar_points_required",
        );
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[0]], None, email, "fi"),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attachment_required",
        );
        let bad_address = apply(
            &applicant,
            world.county,
            contract,
            &application(&[points[0]], Some(attachment), "hanna.esimerkki.fi", "fi"),
        )
        .await;
        assert_refused(
            &bad_address,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(bad_address.json()["errors"]["email"], json!(["missing_at"]));
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[0]], Some(attachment), email, "de"),
            )
            .await,
            StatusCode::BAD_REQUEST,
            "invalid_body",
        );

        // Who may apply: a member of the account (not an officer who is none, not another
        // account's member), on a contract of that account.
        assert_refused(
            &apply(
                &world.officer,
                world.county,
                contract,
                &application(&[points[0]], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        assert_refused(
            &apply(
                &world.member,
                world.county,
                contract,
                &application(&[points[0]], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
        assert_refused(
            &apply(
                &world.signed_out,
                world.county,
                contract,
                &application(&[points[0]], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
        );
        assert_refused(
            &apply(
                &applicant,
                world.county,
                999_999,
                &application(&[points[0]], Some(attachment), email, "fi"),
            )
            .await,
            StatusCode::NOT_FOUND,
            "not_found",
        );

        // A private organisation's granted contract has no points to apply for.
        let private_contract = world
            .private_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_ACCOUNT_CONTRACTS, &[world.private]),
                &json!({"contract_kind": "sote_organisation"}),
            )
            .await;
        let private_contract = private_contract.json()["id"].as_i64().unwrap();
        let submitted = world
            .private_admin
            .send_json(
                Method::POST,
                &path(
                    api::ADMIN_CONTRACT_SUBMISSION,
                    &[world.private, private_contract],
                ),
                &json!({}),
            )
            .await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
        let granted = world
            .officer
            .send_json(
                Method::POST,
                &path(api::ADMIN_CONTRACT_DECISION, &[private_contract]),
                &json!({"grant": true}),
            )
            .await;
        assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
        let members_upload = uploaded(&world.member).await;
        assert_refused(
            &apply(
                &world.member,
                world.private,
                private_contract,
                &application(
                    &[points[0]],
                    Some(members_upload),
                    "minna@esimerkki.fi",
                    "fi",
                ),
            )
            .await,
            StatusCode::FORBIDDEN,
            "not_a_wellbeing_county",
        );

        // Filed once; a second while it is pending is refused, with any file.
        let filed = apply(
            &applicant,
            world.county,
            contract,
            &application(&[points[0]], Some(attachment), email, "fi"),
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let another = uploaded(&applicant).await;
        assert_refused(
            &apply(
                &applicant,
                world.county,
                contract,
                &application(&[points[1]], Some(another), email, "fi"),
            )
            .await,
            StatusCode::CONFLICT,
            "registrar_application_pending",
        );
        // Every refusal above left nothing behind: one application of the applicant's.
        let own = applicant
            .get(&path(
                api::ADMIN_ACCOUNT_REGISTRAR_APPLICATIONS,
                &[world.county],
            ))
            .await;
        assert_eq!(own.json()["applications"].as_array().unwrap().len(), 1);
    }
}

#[tokio::test]
async fn the_demo_registrars_have_their_points_and_one_point_has_fewer_than_two() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (_, points) = county_contract_and_points(&world, &applicant).await;
        let reija = Client::signed_in(&world.state, "registrar").await;
        let rasmus = Client::signed_in(&world.state, "registrar-2").await;
        assert_eq!(
            registrar_point_ids(&reija.get(api::ADMIN_ME).await),
            [points[0], points[1]]
        );
        assert_eq!(
            registrar_point_ids(&rasmus.get(api::ADMIN_ME).await),
            points
        );
        let mut counts = Vec::new();
        for point in &points {
            counts.push(
                world
                    .state
                    .storage
                    .active_registrar_count(*point)
                    .await
                    .unwrap(),
            );
        }
        assert_eq!(counts, [3, 2, 1]);
        // The applicant and the registrars are members of the county's account.
        for member in [&applicant, &reija, &rasmus] {
            let me = member.get(api::ADMIN_ME).await;
            assert_eq!(me.json()["accounts"][0]["id"], world.county, "{}", me.body);
        }
    }
}

// Two applications of the same person on the same contract at once (two tabs, two replicas):
// one is filed, the other refused as pending; two officers deciding at once: one decides.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_applications_and_decisions_are_taken_once() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        // Both tabs send the same upload (a second upload would replace the first): the
        // pending rule or the file's lock refuses the one that comes second.
        let first = uploaded(&applicant).await;
        let other_tab = Client::signed_in(&world.state, "applicant").await;
        let body = application(&[points[2]], Some(first), "hanna@esimerkki.fi", "fi");
        let (a, b) = tokio::join!(
            apply(&applicant, world.county, contract, &body),
            apply(&other_tab, world.county, contract, &body),
        );
        // The one that comes second is refused with a code, never a 500: as pending, or (on
        // PostgreSQL, when it waited on the file's lock) as a file another application took.
        let (filed, refused) = if a.status == StatusCode::CREATED {
            (&a, &b)
        } else {
            (&b, &a)
        };
        assert_eq!(
            filed.status,
            StatusCode::CREATED,
            "{}: {}",
            database.name,
            filed.body
        );
        let code = refused.json()["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            (refused.status == StatusCode::CONFLICT && code == "registrar_application_pending")
                || (refused.status == StatusCode::NOT_FOUND && code == "attachment_not_found"),
            "{}: {}",
            database.name,
            refused.body
        );
        let id = filed.json()["id"].as_i64().unwrap();
        let second_officer = Client::signed_in(&world.state, "officer").await;
        let grant = json!({"grant": true});
        let reject = json!({"grant": false, "rejection_reason": "Ei"});
        let (x, y) = tokio::join!(
            decide(&world.officer, id, &grant),
            decide(&second_officer, id, &reject),
        );
        let mut statuses = [x.status, y.status];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::CONFLICT],
            "{}",
            database.name
        );
        // One decision, one email.
        let mails = world
            .state
            .storage
            .outbox_page(i64::MAX)
            .await
            .unwrap()
            .into_iter()
            .filter(|message| message.recipient == "hanna@esimerkki.fi")
            .count();
        assert_eq!(mails, 1);
    }
}

/// A PDF that pauses for `pause` after its first frame (a phone on a slow connection).
struct Paused {
    stage: u8,
    pause: Pin<Box<tokio::time::Sleep>>,
}

impl hyper::body::Body for Paused {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.stage {
            0 => {
                self.stage = 1;
                Poll::Ready(Some(Ok(Frame::data(Bytes::from(pdf(1_000))))))
            }
            1 => match self.pause.as_mut().poll(context) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(()) => {
                    self.stage = 2;
                    Poll::Ready(Some(Ok(Frame::data(Bytes::from(vec![b' '; 1_000])))))
                }
            },
            _ => Poll::Ready(None),
        }
    }
}

/// An upload's body may take longer than `--body-read-timeout-secs` (at least two minutes,
/// `connections::UPLOAD_READ_TIME`): a certificate sent slowly from a phone is taken, while a
/// JSON body that pauses as long is cut off.
#[tokio::test]
async fn a_slow_upload_is_taken_where_other_bodies_time_out() {
    let (state, _folder) = support::test_state(|config| config.body_read_timeout_secs = 1).await;
    server::demo::seed(&state.storage, 1_700_000_000)
        .await
        .unwrap();
    let applicant = Client::signed_in(&state, "applicant").await;
    let paused = || {
        Body::new(Paused {
            stage: 0,
            pause: Box::pin(tokio::time::sleep(std::time::Duration::from_millis(1_500))),
        })
    };
    let answer = applicant
        .send(upload_request("hidas.pdf", paused(), None))
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    assert_eq!(answer.json()["size"], 2_000);

    let slow_json = Request::post(api::ADMIN_ACCOUNTS)
        .header(CSRF_HEADER, "1")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/json")
        .body(paused())
        .unwrap();
    assert_refused(
        &applicant.send(slow_json).await,
        StatusCode::REQUEST_TIMEOUT,
        "request_timeout",
    );
}

/// A point closed while an application for it waits gives no rights when the officer grants
/// it: the rights at the other points are given, and the closed point stays without them.
#[tokio::test]
async fn a_grant_gives_no_rights_at_a_point_closed_meanwhile() {
    for database in support::databases().await {
        let world = world(&database).await;
        let applicant = Client::signed_in(&world.state, "applicant").await;
        let (contract, points) = county_contract_and_points(&world, &applicant).await;
        let attachment = uploaded(&applicant).await;
        let filed = apply(
            &applicant,
            world.county,
            contract,
            &application(
                &[points[1], points[2]],
                Some(attachment),
                "hanna.hakija@esimerkki.fi",
                "fi",
            ),
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let closed = world
            .county_admin
            .send_json(
                Method::POST,
                &path(api::ADMIN_POINT_CLOSURE, &[world.county, points[2]]),
                &json!({}),
            )
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        let granted = decide(
            &world.officer,
            filed.json()["id"].as_i64().unwrap(),
            &json!({ "grant": true, "rejection_reason": null }),
        )
        .await;
        assert_eq!(granted.status, StatusCode::OK, "{}", granted.body);
        assert_eq!(
            registrar_point_ids(&applicant.get(api::ADMIN_ME).await),
            vec![points[1]],
            "{}",
            database.name
        );
    }
}
