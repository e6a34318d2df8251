// The meeting schedule's filters and "today" mark. Runs in the browser
// only: nothing is fetched and nothing is sent anywhere. Without it the
// schedule is a plain list, and each filter link still works alone (CSS
// :target rules); with it the filters are buttons that combine (online AND
// Spanish, say), days with no meeting left are hidden, and a count is read
// out. The words come from the page (data- attributes), not from here.
(function () {
  "use strict";

  // Today's day in the schedule's time zone (the site's), or the visitor's own.
  function today(zone) {
    var codes = { Mon: "mon", Tue: "tue", Wed: "wed", Thu: "thu", Fri: "fri", Sat: "sat", Sun: "sun" };
    try {
      var options = { weekday: "short" };
      if (zone) options.timeZone = zone;
      return codes[new Intl.DateTimeFormat("en-US", options).format(new Date())];
    } catch (e) {
      return ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date().getDay()];
    }
  }

  function markToday(container) {
    var day = today(container.getAttribute("data-time-zone"));
    var days = container.querySelectorAll(".schedule-day");
    for (var i = 0; i < days.length; i++) {
      var isToday = days[i].getAttribute("data-day") === day;
      days[i].classList.toggle("schedule-day-today", isToday);
      var mark = days[i].querySelector(".schedule-today");
      if (mark) mark.hidden = !isToday;
    }
  }

  function setUpFilters(schedule) {
    var nav = schedule.querySelector(".meeting-filters");
    if (!nav) return;
    var links = nav.querySelectorAll(".meeting-filter");
    var count = nav.querySelector(".meeting-filters-count");
    var chosen = {};  // filter name -> value

    function matches(meeting) {
      for (var name in chosen) {
        var value = chosen[name];
        var have = (meeting.getAttribute("data-" + name) || "").split(" ");
        if (have.indexOf(value) < 0) return false;
      }
      return true;
    }

    function apply() {
      var meetings = schedule.querySelectorAll(".meeting");
      var shown = 0;
      for (var i = 0; i < meetings.length; i++) {
        var show = matches(meetings[i]);
        meetings[i].hidden = !show;
        if (show) shown++;
      }
      var days = schedule.querySelectorAll(".schedule-day");
      for (var d = 0; d < days.length; d++) {
        days[d].hidden = days[d].querySelectorAll(".meeting:not([hidden])").length === 0;
      }
      for (var l = 0; l < links.length; l++) {
        var name = links[l].getAttribute("data-filter");
        var pressed = name === "all" ? Object.keys(chosen).length === 0 : chosen[name] === links[l].getAttribute("data-value");
        links[l].setAttribute("aria-pressed", pressed ? "true" : "false");
      }
      var words = nav.getAttribute("data-count-text");
      if (count && words) count.textContent = words.replace("{shown}", shown).replace("{total}", meetings.length);
    }

    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute("role", "button");
      links[i].addEventListener("click", function (event) {
        event.preventDefault();
        var name = this.getAttribute("data-filter");
        var value = this.getAttribute("data-value");
        if (name === "all") chosen = {};
        else if (chosen[name] === value) delete chosen[name];
        else chosen[name] = value;
        // The script filters now: a link's :target rule must not filter as well.
        if (location.hash.indexOf("#only-") === 0 && history.replaceState) history.replaceState(null, "", location.pathname + location.search);
        apply();
      });
    }
    // A link followed before the script ran (#only-online) carries over.
    var hash = location.hash.slice(1);
    for (var k = 0; k < links.length; k++) {
      if (links[k].getAttribute("href") === "#" + hash && links[k].getAttribute("data-filter") !== "all") {
        chosen[links[k].getAttribute("data-filter")] = links[k].getAttribute("data-value");
        if (history.replaceState) history.replaceState(null, "", location.pathname + location.search);
      }
    }
    schedule.classList.add("meetings-scripted");
    apply();
  }

  var lists = document.querySelectorAll("[data-time-zone]");
  for (var i = 0; i < lists.length; i++) {
    markToday(lists[i]);
    if (lists[i].classList.contains("meetings-schedule")) setUpFilters(lists[i]);
  }
})();
