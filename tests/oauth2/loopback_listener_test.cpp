// The redirect listener of the authorization code flow faces whatever connects to its port:
// garbage, other paths, clients that never speak. None of them may end or wedge the wait.

#include "oauth2/loopback_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace oaskit::oauth2::detail {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

// A connection to the listener, closed when it goes out of scope.
class Connection {
 public:
  explicit Connection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    connected_ = ::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Connection() { ::close(socket_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] bool connected() const { return connected_; }
  void send_text(const std::string& text) const {
    (void)::send(socket_, text.data(), text.size(), MSG_NOSIGNAL);
  }
  // Everything the listener writes until it closes the connection (or 10 s pass).
  [[nodiscard]] std::string answer() const {
    std::string text;
    char buffer[1024];
    const auto until = Clock::now() + seconds(10);
    while (Clock::now() < until) {
      pollfd ready{socket_, POLLIN, 0};
      if (::poll(&ready, 1, 100) <= 0) continue;
      const auto got = ::recv(socket_, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
  }

 private:
  int socket_;
  bool connected_ = false;
};

std::string status_line(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

TEST(LoopbackListener, ListensOnLoopbackAtAPortTheSystemPicks) {
  const LoopbackListener first;
  const LoopbackListener second;
  EXPECT_GT(first.port(), 0);
  EXPECT_NE(first.port(), second.port());
}

TEST(LoopbackListener, OtherRequestsGet404_AndTheRedirectStillArrives) {
  LoopbackListener listener;
  auto waited = std::async(std::launch::async, [&] {
    return listener.wait_for("/callback", Clock::now() + seconds(20), "<p>done</p>");
  });
  for (const char* request : {
           "\x16\x03\x01 not http at all\r\n\r\n",  // a TLS hello, say
           "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n",
           "POST /callback?code=posted HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /callback/more?code=no HTTP/1.1\r\nHost: x\r\n\r\n",
       }) {
    const Connection other(listener.port());
    ASSERT_TRUE(other.connected());
    other.send_text(request);
    EXPECT_EQ(status_line(other.answer()), "HTTP/1.1 404 Not Found") << request;
  }
  {
    const Connection closes_early(listener.port());
    closes_early.send_text("GET /callback?co");
  }
  const Connection browser(listener.port());
  browser.send_text("GET /callback?code=abc&state=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string answer = browser.answer();
  EXPECT_EQ(status_line(answer), "HTTP/1.1 200 OK");
  EXPECT_NE(answer.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_NE(answer.find("<p>done</p>"), std::string::npos);
  EXPECT_EQ(waited.get(), "code=abc&state=xyz");
}

TEST(LoopbackListener, ClientsThatNeverSpeak_DoNotHoldUpTheRedirect) {
  LoopbackListener listener;
  const auto started = Clock::now();
  auto waited = std::async(std::launch::async, [&] {
    return listener.wait_for("/cb", Clock::now() + seconds(30), "ok");
  });
  // More silent connections than the listener reads at once, as a preconnecting browser or a
  // port scanner might leave.
  std::vector<std::unique_ptr<Connection>> silent;
  silent.reserve(40);
  for (int i = 0; i < 40; ++i) silent.push_back(std::make_unique<Connection>(listener.port()));
  const Connection browser(listener.port());
  browser.send_text("GET /cb HTTP/1.1\r\n\r\n");
  EXPECT_EQ(status_line(browser.answer()), "HTTP/1.1 200 OK");
  EXPECT_EQ(waited.get(), "");
  EXPECT_LT(Clock::now() - started, seconds(3));
}

TEST(LoopbackListener, RequestSentInPieces_IsPutTogether) {
  LoopbackListener listener;
  auto waited = std::async(std::launch::async, [&] {
    return listener.wait_for("/cb", Clock::now() + seconds(20), "ok");
  });
  const Connection browser(listener.port());
  browser.send_text("GET /cb?code=");
  std::this_thread::sleep_for(milliseconds(100));
  browser.send_text("42 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  std::this_thread::sleep_for(milliseconds(100));
  browser.send_text("\r\n");
  EXPECT_EQ(status_line(browser.answer()), "HTTP/1.1 200 OK");
  EXPECT_EQ(waited.get(), "code=42");
}

TEST(LoopbackListener, NoRedirectBeforeTheDeadline_IsNulloptInBoundedTime) {
  LoopbackListener listener;
  const auto started = Clock::now();
  EXPECT_FALSE(listener.wait_for("/cb", Clock::now() + milliseconds(300), "ok"));
  const auto took = Clock::now() - started;
  EXPECT_GE(took, milliseconds(300));
  EXPECT_LT(took, seconds(3));
}

TEST(LoopbackListener, OversizedHead_IsNotAwaitedForever) {
  LoopbackListener listener;
  auto waited = std::async(std::launch::async, [&] {
    return listener.wait_for("/cb", Clock::now() + seconds(20), "ok");
  });
  {
    const Connection flood(listener.port());
    flood.send_text("GET /cb?" + std::string(40'000, 'a'));
    EXPECT_EQ(status_line(flood.answer()), "HTTP/1.1 404 Not Found");
  }
  const Connection browser(listener.port());
  browser.send_text("GET /cb?code=1 HTTP/1.1\r\n\r\n");
  EXPECT_EQ(waited.get(), "code=1");
}

}  // namespace
}  // namespace oaskit::oauth2::detail
