/// Which names a request may give in its `Host` header.
///
/// A page on any web site can point a name of its own at 127.0.0.1 (DNS
/// rebinding) and then read the preview from the visitor's browser, drafts
/// included. Its requests still carry its own name in `Host`, so the preview
/// answers only to the names of the address it listens on: 127.0.0.1,
/// localhost, [::1], the `--host` given, and the address a request came in
/// on (how a phone on the network reaches `--host 0.0.0.0`), each with the
/// port it listens on or with no port.
struct AllowedHosts: Sendable {
    /// In lower case; IPv6 addresses in brackets, as `Host` writes them.
    let names: Set<String>

    init(listeningOn host: String) {
        names = ["127.0.0.1", "localhost", "[::1]", Self.bracketed(host.lowercased())]
    }

    /// `value` is the `Host` header as sent; `port` and `address` are where
    /// the request came in (the listening socket's port and IP address).
    func allows(_ value: String, port: Int?, address: String?) -> Bool {
        guard let (name, givenPort) = Self.split(value.lowercased()) else { return false }
        if let givenPort, givenPort != port { return false }
        return names.contains(name) || Self.names(of: address).contains(name)
    }

    /// `example.org:8000` → ("example.org", 8000); `[::1]` → ("[::1]", nil);
    /// nil for what is no host name with an optional port.
    static func split(_ value: String) -> (name: String, port: Int?)? {
        var name = Substring(value)
        var port: Substring?
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            name = value[...close]
            let rest = value[value.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                port = rest.dropFirst()
            }
        } else {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let first = parts.first else { return nil }
            name = first
            port = parts.count == 2 ? parts[1] : nil
        }
        guard !name.isEmpty, !name.contains(where: { $0 == "/" || $0 == "@" || $0 == " " }) else { return nil }
        guard let port else { return (String(name), nil) }
        guard (1...5).contains(port.count), port.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(port), number <= 65535 else { return nil }
        return (String(name), number)
    }

    /// True for names of this computer only: localhost, 127.x.x.x and ::1.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.first == "127" && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }

    /// An IP address as a `Host` header names it; an IPv4 address seen
    /// through an IPv6 socket (`::ffff:192.168.1.5`) also by its IPv4 form.
    private static func names(of address: String?) -> [String] {
        guard let address = address?.lowercased(), !address.isEmpty else { return [] }
        var names = [bracketed(address)]
        if address.hasPrefix("::ffff:"), address.contains(".") { names.append(String(address.dropFirst(7))) }
        return names
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}
