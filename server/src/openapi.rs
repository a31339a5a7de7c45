//! `GET /api/openapi.json`: the API described as OpenAPI 3.1. Written by hand next to the
//! routes it describes; a test checks that every route of the router is in it and nothing else.

use axum::Json;
use serde_json::{Value, json};

/// Every route of `/api`, as (method, path): the one list the document and the test share.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("get", "/api/reference"),
    ("get", "/api/sign-in-method"),
    ("get", "/api/session"),
    ("post", "/api/sign-out"),
    ("post", "/api/registration"),
    ("put", "/api/registration"),
    ("post", "/api/profile"),
    ("put", "/api/profile"),
    ("get", "/api/content"),
    ("get", "/api/openapi.json"),
];

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    })
}

fn body(schema: &str) -> Value {
    json!({
        "required": true,
        "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}
    })
}

fn ok(description: &str, schema: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}
    })
}

/// The document.
pub fn document() -> Value {
    let csrf = json!([{"name": "X-MTT-CSRF", "in": "header", "required": true,
        "description": "Any value: proves the request comes from the app (CSRF guard).",
        "schema": {"type": "string"}}]);
    let unauthenticated = error("Nobody is signed in: `unauthenticated`.");
    let invalid = error("Validation failed: `errors` holds the codes per field.");
    let bad_body = error(
        "Malformed (`malformed_json`, `invalid_body`), too large (413 `payload_too_large`) or not JSON (415 `unsupported_media_type`).",
    );
    let refused = error("Not from the app: `csrf_refused`.");
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Mielenterveystalo professionals' section",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Sign-in happens under /auth (not JSON). Every state-changing request needs the X-MTT-CSRF header and a same-origin Origin. Errors carry codes, never text."
        },
        "paths": {
            "/api/health": {"get": {"summary": "The server and its database answer.",
                "responses": {"200": ok("OK", "HealthResponse")}}},
            "/api/reference": {"get": {"summary": "Organisations, groups, municipalities, regions, professional groups.",
                "responses": {"200": ok("Reference data", "ReferenceResponse")}}},
            "/api/sign-in-method": {"get": {"summary": "The sign-in method for a workplace.",
                "parameters": [{"name": "organisation", "in": "query", "required": false, "schema": {"type": "string"}}],
                "responses": {"200": ok("The verdict", "SignInMethod"), "422": invalid.clone()}}},
            "/api/session": {"get": {"summary": "Who is signed in, with registration and profile (or null).",
                "responses": {"200": ok("The session", "SessionResponse"), "401": unauthenticated.clone()}}},
            "/api/sign-out": {"post": {"summary": "Ends the session.", "parameters": csrf.clone(),
                "responses": {"204": {"description": "Signed out"}, "403": refused.clone()}}},
            "/api/registration": {
                "post": {"summary": "Registers the signed-in identity (once).", "parameters": csrf.clone(),
                    "requestBody": body("RegistrationInput"),
                    "responses": {"201": ok("Registered", "Registration"), "400": bad_body.clone(),
                        "401": unauthenticated.clone(), "403": refused.clone(),
                        "409": error("`already_registered`"), "422": invalid.clone()}},
                "put": {"summary": "Edits the registration.", "parameters": csrf.clone(),
                    "requestBody": body("RegistrationInput"),
                    "responses": {"200": ok("Saved", "Registration"), "400": bad_body.clone(),
                        "401": unauthenticated.clone(), "403": refused.clone(),
                        "404": error("`registration_not_found`"), "422": invalid.clone()}}
            },
            "/api/profile": {
                "post": {"summary": "Creates the profile (once, after registering).", "parameters": csrf.clone(),
                    "requestBody": body("ProfileInput"),
                    "responses": {"201": ok("Created", "Profile"), "400": bad_body.clone(),
                        "401": unauthenticated.clone(), "403": refused.clone(),
                        "409": error("`already_exists` or `registration_required`"), "422": invalid.clone()}},
                "put": {"summary": "Edits the profile.", "parameters": csrf,
                    "requestBody": body("ProfileInput"),
                    "responses": {"200": ok("Saved", "Profile"), "400": bad_body,
                        "401": unauthenticated.clone(), "403": refused,
                        "404": error("`profile_not_found`"), "422": invalid}}
            },
            "/api/content": {"get": {"summary": "The content items the user's professional group may see, and no others.",
                "responses": {"200": ok("Items", "ContentResponse"), "401": unauthenticated,
                    "409": error("`profile_required`")}}},
            "/api/openapi.json": {"get": {"summary": "This document.",
                "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}}
        },
        "components": {"schemas": schemas()}
    })
}

fn schemas() -> Value {
    let localised = json!({"type": "object", "required": ["fi", "sv", "en"],
        "properties": {"fi": {"type": "string"}, "sv": {"type": "string"}, "en": {"type": "string"}}});
    json!({
        "ErrorBody": {"type": "object", "properties": {
            "code": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}},
        "HealthResponse": {"type": "object", "required": ["status", "version"],
            "properties": {"status": {"type": "string"}, "version": {"type": "string"}}},
        "LocalisedText": localised,
        "ReferenceResponse": {"type": "object", "required": ["groups", "organisations"], "properties": {
            "groups": {"type": "array", "items": {"type": "object"}},
            "organisations": {"type": "array", "items": {"type": "object"}},
            "municipalities": {"type": "array", "items": {"type": "object"}},
            "regions": {"type": "array", "items": {"type": "object"}},
            "professional_groups": {"type": "array", "items": {"type": "object"}}}},
        "SignInMethod": {"type": "object", "required": ["method"], "properties": {
            "method": {"enum": ["organisation", "personal"]},
            "organisation": {"type": "string"}, "group": {"type": "string"}}},
        "Identity": {"type": "object", "required": ["subject", "method", "first_name", "last_name"], "properties": {
            "subject": {"type": "string"},
            "method": {"type": "object", "required": ["method"], "properties": {
                "method": {"enum": ["organisation", "suomi_fi"]},
                "organisation": {"type": "string"},
                "means": {"enum": ["sote_card", "vrk_card", "online_bank", "mobile_certificate"]}}},
            "first_name": {"type": "string"}, "last_name": {"type": "string"}}},
        "RegistrationInput": {"type": "object", "required": ["phone", "email", "organisations"], "properties": {
            "phone": {"type": "string", "description": "As typed; stored in E.164."},
            "email": {"type": "string"},
            "organisations": {"type": "array", "items": {"type": "string",
                "description": "organisation:CODE, county:NN or municipality:NNN"}}}},
        "Registration": {"type": "object", "required": ["phone", "email", "organisations"], "properties": {
            "phone": {"type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$"},
            "email": {"type": "string"},
            "organisations": {"type": "array", "minItems": 1, "maxItems": 20, "items": {"type": "string"}}}},
        "ProfileInput": {"type": "object", "required": ["professional_group"], "properties": {
            "professional_group": {"type": "string"},
            "wellbeing_county": {"type": ["string", "null"]}}},
        "Profile": {"type": "object", "required": ["professional_group"], "properties": {
            "professional_group": {"type": "string"},
            "wellbeing_county": {"type": ["string", "null"]}}},
        "SessionResponse": {"type": "object", "required": ["identity", "registration", "profile", "idle_minutes"], "properties": {
            "idle_minutes": {"type": "integer", "minimum": 1, "description": "Minutes of inactivity after which the session ends"},
            "identity": {"$ref": "#/components/schemas/Identity"},
            "registration": {"oneOf": [{"$ref": "#/components/schemas/Registration"}, {"type": "null"}]},
            "profile": {"oneOf": [{"$ref": "#/components/schemas/Profile"}, {"type": "null"}]}}},
        "ContentResponse": {"type": "object", "required": ["professional_group", "items"], "properties": {
            "professional_group": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "required": ["id", "kind", "title", "summary"], "properties": {
                "id": {"type": "string"},
                "kind": {"enum": ["treatment_programme", "symptom_questionnaire", "referral_guide", "training"]},
                "title": {"$ref": "#/components/schemas/LocalisedText"},
                "summary": {"$ref": "#/components/schemas/LocalisedText"}}}}}}
    })
}

/// `GET /api/openapi.json`.
pub async fn openapi_show() -> Json<Value> {
    Json(document())
}
