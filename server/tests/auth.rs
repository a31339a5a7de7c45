//! Sign-in through the development identity provider, the hand-over to an OpenID Connect
//! provider and the return from one, the session cookie's flags, the session API, the refusal
//! of cross-site state changes, the production-mode refusal of the development provider, and
//! the OpenID settings' flags and environment variables: through the real router against a
//! real SQLite file (and, for the variables, the server binary).

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use contract::CSRF_HEADER;
use contract::paths::api;
use server::config::Config;
use server::{AppState, StartError, serve};
use support::{Client, ORIGIN, dev_sign_in, send};

async fn state(configure: impl FnOnce(&mut Config)) -> (AppState, tempfile::TempDir) {
    support::test_state(configure).await
}

/// Stores the registration of the test identity "online-bank" (Anna Andersson), and her
/// profile if `with_profile`.
async fn store_anna(state: &AppState, with_profile: bool) {
    state
        .storage
        .sqlite()
        .unwrap()
        .write(move |connection| {
            connection.execute_batch(
                "INSERT INTO registrations VALUES ('suomifi:dev-suomifi-3', '+358401234567', 'anna@esimerkki.fi', 'now', 'now');
                 INSERT INTO registration_organisations VALUES ('suomifi:dev-suomifi-3', 0, 'municipality:091');
                 INSERT INTO registration_organisations VALUES ('suomifi:dev-suomifi-3', 1, 'organisation:HUS');",
            )?;
            if with_profile {
                connection.execute_batch(
                    "INSERT INTO profiles VALUES ('suomifi:dev-suomifi-3', 'psychologist', '90', 'now', 'now');",
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn without_a_session_the_session_api_answers_401() {
    let (state, _folder) = state(|_| {}).await;
    let answer = send(&state, get("/api/session")).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": "unauthenticated"})
    );
}

#[tokio::test]
async fn the_dev_provider_lists_its_test_identities_under_a_test_banner() {
    let (state, _folder) = state(|_| {}).await;
    let answer = send(&state, get("/auth/dev?return_to=/x%22%3E")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("TESTIPALVELU"));
    // The eight organisations' users, four Suomi.fi users with each means, the five roles of
    // the registration-point administration, two registrars, an applicant for registrar
    // rights and three people to invite (Suomi.fi, online bank).
    assert_eq!(answer.body.matches("<button").count(), 23);
    assert!(answer.body.contains("DVV:n virkailija"));
    // The return path is escaped, never markup.
    assert!(answer.body.contains("value=\"/x&quot;&gt;\""));

    let answer = send(&state, get("/auth/dev?provider=organisation:tyks")).await;
    assert_eq!(answer.body.matches("<button").count(), 1);
    assert!(answer.body.contains("Liisa"));
    // Suomi.fi's: the four means' users, the administration's five, the two registrars, the
    // applicant and three to invite.
    let answer = send(&state, get("/auth/dev?provider=suomifi")).await;
    assert_eq!(answer.body.matches("<button").count(), 15);
}

#[tokio::test]
async fn signing_in_sets_a_protected_cookie_and_the_session_carries_the_identity() {
    let (state, _folder) = state(|_| {}).await;
    let mut client = Client::new(&state);
    let answer = client.sign_in("hus", "/ammattilaiset?osio=1").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    // Not registered yet: the registration form first, the deep link kept for after it.
    assert_eq!(
        answer.headers[header::LOCATION],
        "/rekisteroityminen?return_to=%2Fammattilaiset%3Fosio%3D1"
    );
    let set_cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(set_cookie.starts_with("mtt_session="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    // Plain-http loopback development: not Secure, so the browser keeps it.
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");

    let answer = client.session().await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        serde_json::json!({
            "identity": {
                "subject": "dev-hus-1",
                "method": {"method": "organisation", "organisation": "HUS"},
                "first_name": "Aino",
                "last_name": "Virtanen",
            },
            "registration": null,
            "profile": null,
            "idle_minutes": 30,
        })
    );
}

#[tokio::test]
async fn the_session_shows_the_stored_registration_and_profile() {
    let (state, _folder) = state(|_| {}).await;
    store_anna(&state, true).await;
    let mut client = Client::new(&state);
    let answer = client.sign_in("online-bank", "/").await;
    // Registered and profiled: straight to the section, or to the deep link.
    assert_eq!(answer.headers[header::LOCATION], "/osio");
    let deep = Client::new(&state)
        .sign_in("online-bank", "/omat-tiedot")
        .await;
    assert_eq!(deep.headers[header::LOCATION], "/omat-tiedot");
    let session = client.session().await.json();
    assert_eq!(
        session["registration"]["organisations"],
        serde_json::json!(["municipality:091", "organisation:HUS"])
    );
    assert_eq!(
        session["profile"],
        serde_json::json!({"professional_group": "psychologist", "wellbeing_county": "90"})
    );
}

#[tokio::test]
async fn a_cross_site_form_cannot_sign_anybody_in() {
    let (state, _folder) = state(|_| {}).await;
    let answer = send(&state, dev_sign_in("hus", "/", "https://evil.example")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(!answer.headers.contains_key(header::SET_COOKIE));
}

#[tokio::test]
async fn return_paths_to_other_sites_are_dropped() {
    let (state, _folder) = state(|_| {}).await;
    let answer = send(&state, dev_sign_in("hus", "https://evil.example/", ORIGIN)).await;
    assert_eq!(answer.headers[header::LOCATION], "/rekisteroityminen");
}

#[tokio::test]
async fn state_changes_without_the_apps_header_are_refused_and_sign_out_ends_the_session() {
    let (state, _folder) = state(|_| {}).await;
    let client = Client::signed_in(&state, "tyks").await;

    // Only the session cookie: no CSRF header.
    let refused = client
        .send(Request::post(api::SIGN_OUT).body(Body::empty()).unwrap())
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json(), serde_json::json!({"code": "csrf_refused"}));
    let cross_site = client
        .send(
            Request::post(api::SIGN_OUT)
                .header(CSRF_HEADER, "1")
                .header(header::HOST, support::HOST)
                .header(header::ORIGIN, "https://evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    assert_eq!(client.session().await.status, StatusCode::OK);

    assert_eq!(client.sign_out().await.status, StatusCode::NO_CONTENT);
    assert_eq!(client.session().await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn production_cookies_are_secure_with_the_host_prefix() {
    // The production check would refuse the development provider at start-up; the router is
    // built directly here only to read the cookie flags production mode sets.
    let (state, _folder) = state(|config| config.production = true).await;
    let answer = send(&state, dev_sign_in("hus", "/", ORIGIN)).await;
    let set_cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set_cookie.starts_with("__Host-mtt_session="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("Secure"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    assert!(!set_cookie.contains("Domain="), "{set_cookie}");
}

#[tokio::test]
async fn production_mode_refuses_to_start_with_the_dev_provider() {
    let folder = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(
        format!("sqlite:{}", folder.path().join("prod.sqlite3").display()),
        folder.path().join("dist"),
    );
    config.production = true;
    let error = serve(config).await.unwrap_err();
    assert!(matches!(error, StartError::Config(_)), "{error}");
    // It refused before touching the database.
    assert!(!folder.path().join("prod.sqlite3").exists());
}

// Guards SPEC §6: production never shows the development's example facts in the
// accessibility statement and the privacy notice; without the operator's own it does not start.
#[tokio::test]
async fn production_mode_refuses_to_start_without_the_operators_facts() {
    let folder = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(
        format!("sqlite:{}", folder.path().join("prod.sqlite3").display()),
        folder.path().join("dist"),
    );
    config.production = true;
    config.dev_identity_provider = false;
    config.operator.controller_name = Some("Hyvinvointialue X".into());
    let error = serve(config).await.unwrap_err();
    let StartError::Config(server::config::ConfigError::OperatorFactsMissing(missing)) = &error
    else {
        panic!("not the missing facts: {error}");
    };
    assert_eq!(missing.len(), 5, "{missing:?}");
    assert!(!missing.contains(&"MTT_CONTROLLER_NAME"));
    let message = error.to_string();
    assert!(message.contains("MTT_ACCESSIBILITY_FEEDBACK"), "{message}");
    assert!(!folder.path().join("prod.sqlite3").exists());
}

#[tokio::test]
async fn without_the_dev_provider_its_routes_do_not_exist() {
    let (state, _folder) = state(|config| config.dev_identity_provider = false).await;
    let answer = send(&state, get("/auth/dev")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = send(&state, dev_sign_in("hus", "/", ORIGIN)).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn start_hands_over_to_the_configured_provider() {
    let (without_dev, _other) = state(|config| config.dev_identity_provider = false).await;
    let (state, _folder) = state(|_| {}).await;
    let answer = send(
        &state,
        get("/auth/start?provider=organisation:HUS&return_to=/ammattilaiset"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.headers[header::LOCATION],
        "/auth/dev?provider=organisation%3AHUS&return_to=%2Fammattilaiset"
    );
    let answer = send(&state, get("/auth/start?provider=mystery")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": "unknown_provider"})
    );

    let answer = send(&without_dev, get("/auth/start?provider=suomifi")).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": "provider_unavailable"})
    );
}

// Guards the sign-in rate limit: attempts past the burst are refused per client address,
// and another address is not affected.
#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_client_address() {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    let (state, _folder) = state(|config| config.sign_in_burst = 2).await;
    let from = |address: &str| {
        let mut request = dev_sign_in("hus", "/", ORIGIN);
        request
            .extensions_mut()
            .insert(ConnectInfo(address.parse::<SocketAddr>().unwrap()));
        request
    };
    assert_eq!(
        send(&state, from("10.0.0.1:5000")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(&state, from("10.0.0.1:5001")).await.status,
        StatusCode::SEE_OTHER
    );
    let refused = send(&state, from("10.0.0.1:5002")).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        refused.json(),
        serde_json::json!({"code": "too_many_attempts"})
    );
    assert_eq!(
        send(&state, from("10.0.0.2:5000")).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_registered_user_without_a_profile_lands_on_the_profile_form() {
    let (state, _folder) = state(|_| {}).await;
    store_anna(&state, false).await;
    let answer = send(&state, dev_sign_in("online-bank", "/osio", ORIGIN)).await;
    assert_eq!(
        answer.headers[header::LOCATION],
        "/profiili?return_to=%2Fosio"
    );
}

#[tokio::test]
async fn an_openid_provider_that_cannot_be_reached_is_503_and_signs_nobody_in() {
    let (state, _folder) = state(|config| {
        config.public_url = Some("http://127.0.0.1:8080".into());
        config.oidc.insert(
            "organisation:HUS".parse().unwrap(),
            server::oidc::ProviderSettings {
                // Nothing listens on port 9 (discard) of loopback.
                issuer: "http://127.0.0.1:9".into(),
                client_id: "mtt".into(),
                client_secret: "secret".into(),
            },
        );
    })
    .await;
    let answer = send(
        &state,
        get("/auth/start?provider=organisation:HUS&return_to=/osio"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.json()["code"], "provider_unavailable");
    // Other methods still go to the development provider.
    let answer = send(&state, get("/auth/start?provider=suomifi")).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert!(
        answer.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/auth/dev?")
    );
}

#[tokio::test]
async fn a_provider_return_without_a_sign_in_under_way_is_refused() {
    let (state, _folder) = state(|_| {}).await;
    let answer = send(&state, get("/auth/callback?code=forged&state=forged")).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.headers[header::LOCATION],
        "/tunnistautuminen?return_to=%2F&error=sign_in_expired"
    );
    assert!(!answer.headers.contains_key(header::SET_COOKIE));
}

#[test]
fn openid_providers_need_the_public_url() {
    let mut config = Config::for_tests("sqlite::memory:".into(), "dist".into());
    config.oidc.insert(
        "suomifi".parse().unwrap(),
        server::oidc::ProviderSettings {
            issuer: "https://tunnistus.example".into(),
            client_id: "mtt".into(),
            client_secret: "secret".into(),
        },
    );
    assert_eq!(
        config.check(),
        Err(server::config::ConfigError::PublicUrlRequired)
    );
    assert!(
        config
            .check()
            .unwrap_err()
            .to_string()
            .contains("MTT_PUBLIC_URL")
    );
    config.public_url = Some("https://mielenterveystalo.example".into());
    assert_eq!(config.check(), Ok(()));
}

// Guards the OpenID settings' environment variables (the names the README and `cargo xtask
// test` use): the binary reads them through its configuration, refuses an incomplete provider
// before it starts, and never shows a secret in `--help`.
#[test]
fn the_openid_settings_come_from_the_environment_and_secrets_stay_hidden() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("never.sqlite3");
    let server = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .env("MTT_ADDRESS", "127.0.0.1:0")
            .env("MTT_DATABASE_URL", format!("sqlite:{}", database.display()))
            .env("MTT_OIDC_HUS_ISSUER", "https://login.hus.example")
            .env("MTT_OIDC_HUS_CLIENT_SECRET", "very-secret");
        command
    };
    let refused = server().output().unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("MTT_OIDC_HUS_CLIENT_ID"), "{stderr}");
    assert!(!database.exists());

    let help = server().arg("--help").output().unwrap();
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--oidc-hus-client-secret"), "{help}");
    assert!(
        help.contains("MTT_OIDC_HUS_ISSUER=https://login.hus.example"),
        "{help}"
    );
    assert!(!help.contains("very-secret"), "{help}");
}

/// `POST /api/sign-out` with the CSRF header `csrf` (none if `None`), Host `host` and the
/// Origin headers `origins`.
fn sign_out_from(csrf: Option<&str>, host: &str, origins: &[&str]) -> Request<Body> {
    let mut request = Request::post(api::SIGN_OUT).header(header::HOST, host);
    if let Some(csrf) = csrf {
        request = request.header(CSRF_HEADER, csrf);
    }
    for origin in origins {
        request = request.header(header::ORIGIN, *origin);
    }
    request.body(Body::empty()).unwrap()
}

// Guards the CSRF check's origin comparison: scheme, host and port exactly, one Origin, a
// token that is not empty.
#[tokio::test]
async fn the_origin_must_be_this_servers_exactly() {
    let (state, _folder) = state(|_| {}).await;
    let host = support::HOST;
    let status = |request| {
        let state = state.clone();
        async move { send(&state, request).await.status }
    };
    assert_eq!(
        status(sign_out_from(Some("1"), host, &[ORIGIN])).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        status(sign_out_from(Some("1"), host, &[])).await,
        StatusCode::NO_CONTENT
    );
    for origin in [
        "https://127.0.0.1:8080",
        "evil://127.0.0.1:8080",
        "http://127.0.0.1:8080.evil.example",
        "http://user@127.0.0.1:8080",
        "http://127.0.0.1:8080/path",
        "http://127.0.0.1",
        "null",
        "",
    ] {
        assert_eq!(
            status(sign_out_from(Some("1"), host, &[origin])).await,
            StatusCode::FORBIDDEN,
            "{origin}"
        );
    }
    // A second Origin is not ignored, whichever comes first.
    for origins in [
        [ORIGIN, "https://evil.example"],
        ["https://evil.example", ORIGIN],
    ] {
        assert_eq!(
            status(sign_out_from(Some("1"), host, &origins)).await,
            StatusCode::FORBIDDEN
        );
    }
    // An empty token is no token.
    assert_eq!(
        status(sign_out_from(Some(""), host, &[ORIGIN])).await,
        StatusCode::FORBIDDEN
    );
    // The designers' `trunk serve`, whose proxy sends the server's own Host.
    assert_eq!(
        status(sign_out_from(Some("1"), host, &["http://localhost:8081"])).await,
        StatusCode::NO_CONTENT
    );
    // The sign-in form of the development provider follows the same rule.
    let answer = send(&state, dev_sign_in("hus", "/", "https://127.0.0.1:8080")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}

// Guards the public URL as this server's origin: behind a TLS-terminating load balancer the
// socket sees another scheme and Host than the browser.
#[tokio::test]
async fn behind_a_load_balancer_the_origin_is_the_public_url() {
    let (state, _folder) = state(|config| {
        config.public_url = Some("https://mielenterveystalo.example/".into());
    })
    .await;
    let status = |origin: &'static str| {
        let state = state.clone();
        async move {
            send(&state, sign_out_from(Some("1"), "10.0.0.5:8080", &[origin]))
                .await
                .status
        }
    };
    assert_eq!(
        status("https://mielenterveystalo.example").await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        status("https://MIELENTERVEYSTALO.example:443").await,
        StatusCode::NO_CONTENT
    );
    for origin in [
        "http://mielenterveystalo.example",
        "https://mielenterveystalo.example:8443",
        "http://10.0.0.5:8080",
        "https://evil.example",
    ] {
        assert_eq!(status(origin).await, StatusCode::FORBIDDEN, "{origin}");
    }
}

fn dev_sign_in_via(forwarded_for: &str) -> Request<Body> {
    let mut request = dev_sign_in("hus", "/", ORIGIN);
    request
        .headers_mut()
        .insert("x-forwarded-for", forwarded_for.parse().unwrap());
    request
}

// Guards the proxy header: the rate limit keys on X-Forwarded-For's last hop only when told
// to trust it, and a 429 says when to try again.
#[tokio::test]
async fn the_rate_limit_trusts_the_forwarded_address_only_when_told_to() {
    let (state, _folder) = state(|config| config.sign_in_burst = 1).await;
    assert_eq!(
        send(&state, dev_sign_in_via("192.0.2.1")).await.status,
        StatusCode::SEE_OTHER
    );
    // Not trusted: another claimed address is still the same client.
    let refused = send(&state, dev_sign_in_via("192.0.2.2")).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = refused.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3).contains(&retry_after), "{retry_after}");

    let (state, _folder) = support::test_state(|config| {
        config.sign_in_burst = 1;
        config.trust_proxy_headers = true;
    })
    .await;
    // The balancer appends the address it saw: the last hop is the client, whatever the
    // client wrote before it.
    assert_eq!(
        send(&state, dev_sign_in_via("203.0.113.9, 192.0.2.1"))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(&state, dev_sign_in_via("192.0.2.2")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(&state, dev_sign_in_via("198.51.100.7, 192.0.2.1"))
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let mut forwarded = dev_sign_in("hus", "/", ORIGIN);
    forwarded.headers_mut().insert(
        "forwarded",
        "for=198.51.100.7, for=\"[2001:db8::1]:4711\""
            .parse()
            .unwrap(),
    );
    assert_eq!(send(&state, forwarded).await.status, StatusCode::SEE_OTHER);
}

fn auth_request(uri: &str, accept: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::ACCEPT, accept)
        .body(Body::empty())
        .unwrap()
}

// Guards /auth's refusals: coded JSON for API clients, a redirect with a sign-in failure code
// for browsers; never plain text naming the fields.
#[tokio::test]
async fn auth_refusals_are_coded_or_a_redirect_to_the_identification_step() {
    let (state, _folder) = state(|_| {}).await;
    let html = "text/html,application/xhtml+xml,*/*;q=0.8";
    for uri in [
        "/auth/start",
        "/auth/start?return_to=/osio",
        "/auth/callback?code=a&code=b",
    ] {
        let answer = send(&state, auth_request(uri, "application/json")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(
            answer.json(),
            serde_json::json!({"code": "bad_request"}),
            "{uri}"
        );
        let answer = send(&state, auth_request(uri, html)).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{uri}");
        let location = answer.headers[header::LOCATION].to_str().unwrap();
        assert!(location.starts_with("/tunnistautuminen?"), "{location}");
        assert!(location.ends_with("&error=sign_in_failed"), "{location}");
    }
    let location = send(&state, auth_request("/auth/start?return_to=/osio", html))
        .await
        .headers[header::LOCATION]
        .clone();
    assert_eq!(
        location,
        format!(
            "{}&error=sign_in_failed",
            contract::links::identification_path("/osio")
        )
    );

    let unknown = |accept: &'static str| {
        Request::post("/auth/dev")
            .header(header::HOST, support::HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::ACCEPT, accept)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("identity=nobody&return_to=/osio"))
            .unwrap()
    };
    let answer = send(&state, unknown("application/json")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json(), serde_json::json!({"code": "bad_request"}));
    let answer = send(&state, unknown(html)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        answer.headers[header::LOCATION],
        format!(
            "{}&error=sign_in_failed",
            contract::links::identification_path("/osio")
        )
        .as_str()
    );
    let missing_field = Request::post("/auth/dev")
        .header(header::HOST, support::HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("return_to=/osio"))
        .unwrap();
    let answer = send(&state, missing_field).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json(), serde_json::json!({"code": "bad_request"}));
}
