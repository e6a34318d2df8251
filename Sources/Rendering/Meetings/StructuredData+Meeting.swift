import Content

/// schema.org JSON-LD for a meeting: an `Event` that repeats weekly, so
/// search engines can show when and where it meets.
extension StructuredData {
    static func meeting(_ page: Page, host: Page?, config: SiteConfig) -> String? {
        guard let meeting = page.meeting else { return nil }
        let string = JSONText.string
        let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let first = civilDate(dayNumber: meeting.firstDayNumber)
        let schedule = JSONText.object([
            ("@type", string("Schedule")),
            ("byDay", JSONText.array(meeting.days.map { string("https://schema.org/" + dayNames[$0.position]) })),
            ("startTime", string(meeting.start.twentyFourHour)),
            ("endTime", string(meeting.end.twentyFourHour)),
            ("scheduleTimezone", string(meeting.timeZone)),
            ("repeatFrequency", string("P1W")),
            ("startDate", string(isoDate(first))),
            ("endDate", meeting.until.map { string($0.description) }),
            ("exceptDate", meeting.skip.isEmpty ? nil : JSONText.array(meeting.skip.map { string($0.description) })),
        ])
        var locations: [String] = []
        if let place = meeting.place {
            locations.append(JSONText.object([
                ("@type", string("Place")),
                ("name", string(place.name ?? place.city)),
                ("address", JSONText.object([
                    ("@type", string("PostalAddress")),
                    ("streetAddress", place.street.map(string)),
                    ("addressLocality", string(place.city)),
                    ("addressRegion", place.region.map(string)),
                    ("postalCode", place.postalCode.map(string)),
                ])),
            ]))
        }
        if let online = meeting.online {
            locations.append(JSONText.object([("@type", string("VirtualLocation")), ("url", string(online))]))
        }
        let mode: String
        switch meeting.attendance {
        case .inPerson: mode = "OfflineEventAttendanceMode"
        case .online: mode = "OnlineEventAttendanceMode"
        case .hybrid: mode = "MixedEventAttendanceMode"
        }
        let organizer: String? = host.map { host in
            JSONText.object([
                ("@type", string("Organization")),
                ("name", string(host.provider?.name ?? host.title)),
                ("url", string(host.provider?.website ?? config.address(of: host.urlPath))),
            ])
        }
        let start = isoDate(first) + "T" + meeting.start.twentyFourHour
        return JSONText.object([
            ("@context", string("https://schema.org")),
            ("@type", string("Event")),
            ("name", string(page.title)),
            ("description", string(page.description)),
            ("url", string(config.address(of: page.urlPath))),
            ("startDate", string(start)),
            ("eventSchedule", schedule),
            ("eventAttendanceMode", string("https://schema.org/" + mode)),
            ("eventStatus", string("https://schema.org/EventScheduled")),
            ("location", locations.count == 1 ? locations[0] : JSONText.array(locations)),
            ("organizer", organizer),
            ("inLanguage", string(meeting.language)),
            ("isAccessibleForFree", "true"),
        ])
    }

    static func isoDate(_ date: (year: Int, month: Int, day: Int)) -> String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }
}
