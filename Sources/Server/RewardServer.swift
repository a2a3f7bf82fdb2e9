import Foundation
import Hummingbird

/// The HTTP face of a `RewardService`: routes, the metrics middleware and the application.
public enum RewardServer {
    /// Routes: `POST /get_reward`, `POST /v1/score`, `GET /health`, `GET /metrics`.
    public static func router(_ service: RewardService) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: MetricsMiddleware(metrics: service.metrics))
        router.post("get_reward") { request, _ -> Response in
            let body = try await readBody(request, limit: service.maxBodyBytes)
            return json(try await service.openRLHF(body))
        }
        router.post("v1/score") { request, _ -> Response in
            let body = try await readBody(request, limit: service.maxBodyBytes)
            return json(try await service.nativeScore(body))
        }
        router.get("health") { _, _ -> Response in json(try service.health()) }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: service.metricsText())))
        }
        return router
    }

    /// The application serving `service` on `host:port` (port 0 picks a free one);
    /// `onListening` receives the bound port once the socket is open.
    public static func application(
        _ service: RewardService, host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(service),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "verireason"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) })
    }

    static func readBody(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServerError.bodyTooLarge(limit: limit)
        }
        return Data(buffer.readableBytesView)
    }

    static func json(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Counts every answer by route and status and times it, errors included.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    /// Known routes keep their path as the label; anything else is `other`, so a scanner probing
    /// random paths cannot grow the series without bound.
    static func routeLabel(_ path: String) -> String {
        ["/get_reward", "/v1/score", "/health", "/metrics"].contains(path) ? path : "other"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        let route = Self.routeLabel(request.uri.path)
        func record(_ status: Int) {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            metrics.recordRequest(route: route, status: status, seconds: seconds)
        }
        do {
            let response = try await next(request, context)
            record(response.status.code)
            return response
        } catch let error as HTTPResponseError {
            record(error.status.code)
            throw error
        } catch {
            record(500)
            throw error
        }
    }
}
