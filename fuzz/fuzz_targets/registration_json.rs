//! Any bytes as the body of `POST /api/registration`: reading and validating never panics,
//! and a registration that validated round-trips through its form and through JSON.
#![no_main]

use domain::registration::{Registration, RegistrationInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Ok(input) = serde_json::from_slice::<RegistrationInput>(body) else {
        return;
    };
    if let Ok(registration) = input.validate() {
        assert_eq!(registration.to_input().validate().as_ref(), Ok(&registration));
        let json = serde_json::to_vec(&registration).expect("serialises");
        let back: Registration = serde_json::from_slice(&json).expect("deserialises");
        assert_eq!(back, registration);
    }
});
