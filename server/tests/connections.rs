//! The server as a client on the network sees it, over real sockets: clients that stall while
//! sending headers or a body are cut off, the number of connections is bounded without
//! stopping ordinary requests, and a body refused before it was read (413, 403) still gets
//! its answer to a client that writes the whole body before it reads (a lingering close).

mod support;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use support::RunningServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Everything the server sends until it closes the connection (a reset counts as a close),
/// or `None` if it is still open after `limit`.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&received).into_owned())
}

/// A connection that sent part of a request's headers and then nothing.
async fn stalled_connection(address: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    stream
}

/// `GET /api/health` on a new connection: the status line and how long the answer took.
async fn health(address: SocketAddr) -> (String, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("the health check is answered");
    let status = answer.lines().next().unwrap_or_default().to_owned();
    (status, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stalls_in_its_headers_is_cut_off_after_the_header_read_timeout() {
    let server = RunningServer::start(|config| config.header_read_timeout_secs = 1).await;
    let started = Instant::now();
    let mut stream = stalled_connection(server.address).await;
    let closed = read_until_closed(&mut stream, Duration::from_secs(4)).await;
    assert!(closed.is_some(), "the stalled connection is still open");
    assert!(started.elapsed() >= Duration::from_millis(900));

    // An idle keep-alive connection, too.
    let mut stream = TcpStream::connect(server.address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream, Duration::from_secs(4))
        .await
        .expect("the idle connection is closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stalls_in_its_body_gets_408_and_is_cut_off() {
    let server = RunningServer::start(|config| config.body_read_timeout_secs = 1).await;
    let started = Instant::now();
    let mut stream = TcpStream::connect(server.address).await.unwrap();
    stream
        .write_all(
            b"POST /api/registration HTTP/1.1\r\nHost: x\r\nX-MTT-CSRF: 1\r\n\
              Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n\
              {\"phone\": \"+358401234567\", \"email\": \"",
        )
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream, Duration::from_secs(6))
        .await
        .expect("the stalled connection is still open");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.ends_with(r#"{"code":"request_timeout"}"#),
        "{answer}"
    );
    assert!(started.elapsed() >= Duration::from_millis(900));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ordinary_requests_are_answered_while_many_clients_stall() {
    let server = RunningServer::start(|config| config.max_connections = 1000).await;
    let mut stalled = Vec::new();
    for _ in 0..200 {
        stalled.push(stalled_connection(server.address).await);
    }
    for _ in 0..5 {
        let (status, took) = health(server.address).await;
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert!(took < Duration::from_millis(500), "{took:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_bound_wait_until_one_closes() {
    let server = RunningServer::start(|config| {
        config.max_connections = 5;
        config.header_read_timeout_secs = 1;
    })
    .await;
    let mut stalled = Vec::new();
    for _ in 0..5 {
        stalled.push(stalled_connection(server.address).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    // The sixth waits in the listen queue until the stalled ones are cut off, then is served.
    let (status, took) = health(server.address).await;
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        took >= Duration::from_millis(500),
        "not held back: {took:?}"
    );
    assert!(took < Duration::from_secs(4), "{took:?}");
}

/// Writes `head` and `body` whole, as Node's HTTP client does, and only then reads the answer.
/// The client's send buffer is small, so that the body cannot all sit in the kernel's buffers
/// by the time the server has answered.
fn write_then_read(address: SocketAddr, head: String, body: &[u8]) -> std::io::Result<String> {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    socket.set_send_buffer_size(64 * 1024)?;
    socket.connect(&address.into())?;
    let mut stream: std::net::TcpStream = socket.into();
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_refused_before_it_is_read_still_gets_its_answer() {
    let server = RunningServer::start(|_| {}).await;
    let address = server.address;
    let body = vec![b' '; 3 * 1024 * 1024];
    let head = |csrf: &str| {
        format!(
            "POST /api/registration HTTP/1.1\r\nHost: {address}\r\n{csrf}\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
    };
    let too_large = {
        let (head, body) = (head("X-MTT-CSRF: 1\r\n"), body.clone());
        tokio::task::spawn_blocking(move || write_then_read(address, head, &body))
            .await
            .unwrap()
            .expect("the 413 reaches the client")
    };
    assert!(too_large.starts_with("HTTP/1.1 413"), "{too_large}");
    assert!(
        too_large.ends_with(r#"{"code":"payload_too_large"}"#),
        "{too_large}"
    );

    let refused = {
        let head = head("");
        tokio::task::spawn_blocking(move || write_then_read(address, head, &body))
            .await
            .unwrap()
            .expect("the 403 reaches the client")
    };
    assert!(refused.starts_with("HTTP/1.1 403"), "{refused}");
    assert!(refused.ends_with(r#"{"code":"csrf_refused"}"#), "{refused}");
}
