//! Registrar rights per registration point, on SQLite and on PostgreSQL: the plain grant of
//! the registrars who were there before this service, where a person is a registrar, and how
//! many a point has.

mod support;

use domain::administration::PointOrderState;

#[tokio::test]
async fn rights_are_per_point_once_each() {
    for database in support::databases().await {
        let state = database.state().await;
        server::demo::seed(&state.storage, 1_700_000_000)
            .await
            .unwrap();
        let storage = &state.storage;
        let points = storage
            .points_page(None, Some(PointOrderState::Approved), 0)
            .await
            .unwrap();
        let (first, second) = (points[0].id, points[1].id);
        let before = storage.active_registrar_count(first).await.unwrap();

        assert!(storage.add_registrar(first, "test:reija", 1).await.unwrap());
        assert!(
            !storage.add_registrar(first, "test:reija", 2).await.unwrap(),
            "{}: active rights at one point are one row",
            database.name
        );
        assert!(
            storage
                .add_registrar(second, "test:reija", 3)
                .await
                .unwrap()
        );
        assert!(storage.add_registrar(first, "test:raili", 4).await.unwrap());

        let mut expected = vec![first, second];
        expected.sort_unstable();
        assert_eq!(
            storage.registrar_point_ids("test:reija").await.unwrap(),
            expected,
            "{}",
            database.name
        );
        assert_eq!(
            storage.registrar_point_ids("test:nobody").await.unwrap(),
            Vec::<i64>::new()
        );
        assert_eq!(
            storage.active_registrar_count(first).await.unwrap(),
            before + 2,
            "{}",
            database.name
        );
    }
}

/// The demonstration's care organisation is a customer of Keski-Uusimaa's main point: its
/// authorisation is active, so the point's registrars have an organisation to serve.
#[tokio::test]
async fn the_care_organisation_authorises_the_countys_main_point() {
    for database in support::databases().await {
        let world = support::admin::world(&database).await;
        let storage = &world.state.storage;
        let page = storage
            .points_page(Some(world.county), Some(PointOrderState::Approved), 0)
            .await
            .unwrap();
        let main = page.iter().find(|point| point.is_main).unwrap();
        let customers = storage.point_customers(main.id, 0).await.unwrap();
        assert!(
            customers
                .iter()
                .any(|customer| customer.name.as_str() == server::demo::CARE_NAME),
            "{}: {customers:?}",
            database.name
        );
    }
}
