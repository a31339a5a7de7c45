//! Demonstration data of the registration-point administration, for development only (it is
//! written when the development identity provider is on, which production mode refuses): a
//! customer account for every wellbeing county of the reference data and the City of Helsinki,
//! two private social and health-care organisations (the second, Esimerkin Hoiva Oy, with a
//! granted contract and an authorisation of Keski-Uusimaa's main point, so that point's
//! registrars have a customer "YS sote/organisaatio") and one rescue department, and the
//! memberships of the development provider's administration test identities. Business IDs are
//! made-up numbers of the 9000000 series with valid check digits, so they cannot be mistaken
//! for real organisations'. Each county's account also gets a granted sote organisation
//! contract (which brings its main registration point, approved with its service number) and
//! two more points, ordered and approved; no county has a "Valtionhallinnon sopimus", so a
//! rescue department is refused until one is granted. Every approved point has registrars who
//! were there before this service (they keep their rights and apply for nothing): three each,
//! but at Keski-Uusimaa's, where the development provider's two registrars work, the main
//! point has three, the first ordered point exactly two and the second only one (so a point
//! with fewer than two shows as such). Keski-Uusimaa's account also has a member who is no
//! registrar yet, the development provider's applicant. Written once: the development officer
//! is written last, and a start that finds it does nothing more; a start after one that stopped
//! half-way leaves alone every account whose business ID exists.

use domain::AccountKey;
use domain::administration::{
    AccountKind, AccountRole, BusinessId, ContractKind, OrganisationName, PointOrder,
    PointOrderState,
};
use domain::reference::WellbeingCountyCode;

use crate::storage::administration::{Audit, ContractChange, NewAccount};
use crate::storage::points::PointDecision;
use crate::storage::{Storage, StorageError};

/// Who the demonstration data names as having made its changes in the audit log.
const DEMO_ACTOR: &str = "system:demo-data";

/// The development provider's agency officer, the first officer of a development server.
pub const DEMO_OFFICER: &str = "suomifi:dev-officer-1";

/// The business IDs the demonstration accounts use, in order: counties first (in the
/// reference data's order), then the private organisation and the rescue department.
const BUSINESS_IDS: [&str; 25] = [
    "9000001-1",
    "9000003-8",
    "9000004-6",
    "9000005-4",
    "9000006-2",
    "9000007-0",
    "9000008-9",
    "9000009-7",
    "9000011-8",
    "9000012-6",
    "9000013-4",
    "9000014-2",
    "9000015-0",
    "9000016-9",
    "9000017-7",
    "9000018-5",
    "9000019-3",
    "9000020-6",
    "9000021-4",
    "9000022-2",
    "9000023-0",
    "9000024-9",
    "9000025-7",
    "9000026-5",
    "9000027-3",
];

/// The development provider's registrars (members of Keski-Uusimaa's account).
pub const DEMO_REGISTRARS: [&str; 2] = ["suomifi:dev-registrar-1", "suomifi:dev-registrar-2"];

/// The development provider's applicant: a member of Keski-Uusimaa's account, no registrar.
pub const DEMO_APPLICANT: &str = "suomifi:dev-applicant-1";

/// The development provider's administration identities and where they belong: (account key,
/// business ID of the account, role).
const DEMO_MEMBERS: [(&str, &str, AccountRole); 7] = [
    (
        "suomifi:dev-county-admin-1",
        "9000003-8",
        AccountRole::Administrator,
    ),
    (
        "suomifi:dev-private-admin-1",
        "9000025-7",
        AccountRole::Administrator,
    ),
    (
        "suomifi:dev-rescue-admin-1",
        "9000026-5",
        AccountRole::Administrator,
    ),
    ("suomifi:dev-member-1", "9000025-7", AccountRole::Member),
    (DEMO_REGISTRARS[0], "9000003-8", AccountRole::Member),
    (DEMO_REGISTRARS[1], "9000003-8", AccountRole::Member),
    (DEMO_APPLICANT, "9000003-8", AccountRole::Member),
];

/// Who holds registrar rights at the `index`th approved point (by id: the main point first)
/// of the county whose account has `business_id`: the development provider's registrars at
/// Keski-Uusimaa's (three, two and one), elsewhere three made-up existing registrars each.
pub fn demo_registrars(business_id: &str, index: usize) -> Vec<String> {
    if business_id == DEMO_MEMBERS[0].1 {
        let [reija, rasmus] = DEMO_REGISTRARS;
        return match index {
            0 => vec![
                reija.to_owned(),
                rasmus.to_owned(),
                "suomifi:dev-demo-registrar-02-0-1".to_owned(),
            ],
            1 => vec![reija.to_owned(), rasmus.to_owned()],
            _ => vec![rasmus.to_owned()],
        };
    }
    (1..=3)
        .map(|number| format!("suomifi:dev-demo-registrar-{business_id}-{index}-{number}"))
        .collect()
}

/// Gives the registrars of [`demo_registrars`] their rights at each approved point of the
/// county's account, all at once (one commit on SQLite, the pool's connections on
/// PostgreSQL), as existing registrars get them: no audit entry, nobody made it.
async fn county_registrars(
    storage: &Storage,
    at: i64,
    account: i64,
    business_id: &str,
) -> Result<(), StorageError> {
    let points = storage
        .points_page(Some(account), Some(PointOrderState::Approved), 0)
        .await?;
    let mut grants = tokio::task::JoinSet::new();
    for (index, point) in points.iter().enumerate() {
        for person in demo_registrars(business_id, index) {
            let storage = storage.clone();
            let point_id = point.id;
            grants.spawn(async move { storage.add_registrar(point_id, &person, at).await });
        }
    }
    while let Some(granted) = grants.join_next().await {
        granted.map_err(|_| StorageError::WorkerGone)??;
    }
    Ok(())
}

fn account(
    name: &str,
    business_id: &str,
    kind: AccountKind,
    county: Option<WellbeingCountyCode>,
) -> NewAccount {
    NewAccount {
        name: name
            .parse::<OrganisationName>()
            .expect("demo names pass the rule"),
        business_id: business_id
            .parse::<BusinessId>()
            .expect("demo business IDs have valid check digits"),
        kind,
        county,
    }
}

/// The demonstration accounts.
pub fn accounts() -> Vec<NewAccount> {
    let mut accounts: Vec<NewAccount> = WellbeingCountyCode::all()
        .zip(BUSINESS_IDS)
        .map(|(county, business_id)| {
            account(
                county.region().name.fi,
                business_id,
                AccountKind::WellbeingCounty,
                Some(county),
            )
        })
        .collect();
    accounts.push(account(
        "Esimerkki Terveyspalvelut Oy",
        BUSINESS_IDS[22],
        AccountKind::PrivateSote,
        None,
    ));
    accounts.push(account(
        "Esimerkin pelastuslaitos",
        BUSINESS_IDS[23],
        AccountKind::RescueDepartment,
        None,
    ));
    accounts.push(account(
        CARE_NAME,
        BUSINESS_IDS[24],
        AccountKind::PrivateSote,
        None,
    ));
    accounts
}

/// The private organisation that is already a customer of Keski-Uusimaa's main point: its
/// contract granted and the point authorised, so the point's registrars have an organisation
/// to record certificates and order cards for.
pub const CARE_NAME: &str = "Esimerkin Hoiva Oy";

/// A contract of `kind` for the account, applied for, submitted and granted, as the API would;
/// `None` where one cannot be made (the account's kind does not allow it).
async fn granted_contract(
    storage: &Storage,
    actor: &AccountKey,
    at: i64,
    account: i64,
    kind: ContractKind,
) -> Result<Option<i64>, StorageError> {
    let audit = |action| Audit {
        actor: actor.clone(),
        at,
        action,
    };
    let Ok(contract) = storage
        .contract_create(audit("contract_created"), account, kind)
        .await?
    else {
        return Ok(None);
    };
    for (action, change) in [
        ("contract_submitted", ContractChange::Submit),
        ("contract_granted", ContractChange::Grant),
    ] {
        if storage
            .contract_change(audit(action), None, contract.id, change)
            .await?
            .is_err()
        {
            return Ok(None);
        }
    }
    Ok(Some(contract.id))
}

/// The care organisation's granted contract and its authorisation of the county's main point.
async fn care_customer(
    storage: &Storage,
    actor: &AccountKey,
    at: i64,
    care: i64,
    county: i64,
) -> Result<(), StorageError> {
    if granted_contract(storage, actor, at, care, ContractKind::SoteOrganisation)
        .await?
        .is_none()
    {
        return Ok(());
    }
    let points = storage
        .points_page(Some(county), Some(PointOrderState::Approved), 0)
        .await?;
    let Some(number) = points
        .into_iter()
        .find(|point| point.is_main)
        .and_then(|point| point.service_number)
    else {
        return Ok(());
    };
    let audit = Audit {
        actor: actor.clone(),
        at,
        action: "point_authorised",
    };
    storage
        .authorise(audit, care, AccountKind::PrivateSote, number)
        .await?
        .ok();
    Ok(())
}

/// The demonstration points a county orders besides its main point.
pub fn point_orders(county_name: &str) -> Vec<PointOrder> {
    (1..=2)
        .map(|number| PointOrder {
            name: format!("{county_name}, rekisteröintipiste {number}")
                .parse()
                .expect("demo point names pass the rule"),
            postal_address: format!("Esimerkkikatu {number}, 00100 Helsinki")
                .parse()
                .expect("demo addresses pass the rule"),
        })
        .collect()
}

/// A new county account's granted contract (with its main point) and approved points, made
/// through the same storage operations, and audited, as the API's.
async fn county_points(
    storage: &Storage,
    actor: &AccountKey,
    at: i64,
    account: i64,
    name: &str,
) -> Result<(), StorageError> {
    let audit = |action| Audit {
        actor: actor.clone(),
        at,
        action,
    };
    if granted_contract(storage, actor, at, account, ContractKind::SoteOrganisation)
        .await?
        .is_none()
    {
        return Ok(());
    }
    for order in point_orders(name) {
        if let Ok(point) = storage
            .point_order(audit("point_ordered"), account, order)
            .await?
        {
            storage
                .point_decide(audit("point_approved"), point.id, PointDecision::Approve)
                .await?
                .ok();
        }
    }
    Ok(())
}

/// Writes the demonstration data where it is missing.
pub async fn seed(storage: &Storage, at: i64) -> Result<(), StorageError> {
    let actor = AccountKey::from_stored(DEMO_ACTOR);
    let officer = AccountKey::from_stored(DEMO_OFFICER);
    // The officer is written last: once there, every start after is one read. A start that
    // stopped half-way does the rest next time (what exists is left alone).
    if storage.is_officer(&officer).await? {
        return Ok(());
    }
    let mut by_business_id = std::collections::HashMap::new();
    for new in accounts() {
        let business_id = new.business_id.as_str().to_owned();
        let audit = Audit {
            actor: actor.clone(),
            at,
            action: "account_opened",
        };
        if let Ok(opened) = storage.account_open(audit, new).await? {
            if opened.kind == AccountKind::WellbeingCounty {
                county_points(storage, &actor, at, opened.id, opened.name.as_str()).await?;
                county_registrars(storage, at, opened.id, &business_id).await?;
            }
            by_business_id.insert(business_id, opened.id);
        }
    }
    if let (Some(care), Some(county)) = (
        by_business_id.get(BUSINESS_IDS[24]),
        by_business_id.get(DEMO_MEMBERS[0].1),
    ) {
        care_customer(storage, &actor, at, *care, *county).await?;
    }
    for (person, business_id, role) in DEMO_MEMBERS {
        let Some(account) = by_business_id.get(business_id) else {
            continue;
        };
        let audit = Audit {
            actor: actor.clone(),
            at,
            action: "member_added",
        };
        // The name the development provider gives the identity, as an invitation's
        // acceptance would have stored it.
        let name = crate::dev_idp::TEST_IDENTITIES
            .iter()
            .find(|identity| person.strip_prefix("suomifi:") == Some(identity.subject))
            .map(|identity| format!("{} {}", identity.first_name, identity.last_name));
        storage
            .member_add(
                audit,
                *account,
                &AccountKey::from_stored(person),
                role,
                name,
            )
            .await?
            .ok();
    }
    storage.officer_add(&officer, at).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The county whose administrator is a development test identity: Keski-Uusimaa.
    const DEMO_COUNTY: &str = "02";

    #[test]
    fn every_county_has_an_account_and_the_members_name_demo_accounts() {
        let accounts = accounts();
        assert_eq!(accounts.len(), WellbeingCountyCode::all().count() + 3);
        assert_eq!(accounts.len(), BUSINESS_IDS.len());
        let county = accounts
            .iter()
            .find(|account| account.business_id.as_str() == DEMO_MEMBERS[0].1)
            .unwrap();
        assert_eq!(
            county.county.map(|county| county.as_str()),
            Some(DEMO_COUNTY)
        );
        for account in &accounts {
            for order in point_orders(account.name.as_str()) {
                assert!(order.name.as_str().starts_with(account.name.as_str()));
            }
        }
        // Keski-Uusimaa's points have three, two and one registrars; every other point three.
        let counts: Vec<usize> = (0..3)
            .map(|index| demo_registrars(DEMO_MEMBERS[0].1, index).len())
            .collect();
        assert_eq!(counts, [3, 2, 1]);
        assert_eq!(demo_registrars(BUSINESS_IDS[0], 2).len(), 3);
        assert!(!demo_registrars(DEMO_MEMBERS[0].1, 0).contains(&DEMO_APPLICANT.to_owned()));
        for (_, business_id, _) in DEMO_MEMBERS {
            assert!(
                accounts
                    .iter()
                    .any(|account| account.business_id.as_str() == business_id)
            );
        }
    }
}
