/* Progressive enhancements; every feature works without this file. */
(function () {
    "use strict";

    /* Glossary terms linked in rich text: a button that discloses the short definition. */
    function enhanceGlossaryTerms() {
        var links = document.querySelectorAll("a.glossary-term[data-definition]");
        links.forEach(function (link, index) {
            var id = "term-definition-" + (index + 1);
            var button = document.createElement("button");
            button.type = "button";
            button.className = "term-toggle";
            button.setAttribute("aria-expanded", "false");
            button.setAttribute("aria-controls", id);
            button.innerHTML = '<span aria-hidden="true">?</span><span class="visually-hidden">Show definition of ' +
                escapeHtml(link.dataset.term || link.textContent) + "</span>";
            var panel = document.createElement("span");
            panel.id = id;
            panel.className = "term-definition";
            panel.hidden = true;
            panel.innerHTML = "<strong>" + escapeHtml(link.dataset.term || link.textContent) + ":</strong> " +
                escapeHtml(link.dataset.definition) + ' <a href="' + link.getAttribute("href") + '">Read more<span class="visually-hidden"> about ' +
                escapeHtml(link.dataset.term || "this term") + "</span></a>";
            link.insertAdjacentElement("afterend", button);
            button.insertAdjacentElement("afterend", panel);
            button.addEventListener("click", function () {
                var open = button.getAttribute("aria-expanded") === "true";
                button.setAttribute("aria-expanded", String(!open));
                panel.hidden = open;
            });
            panel.addEventListener("keydown", function (event) {
                if (event.key === "Escape") { button.click(); button.focus(); }
            });
            button.addEventListener("keydown", function (event) {
                if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") { button.click(); }
            });
        });
    }

    /* Glossary page: filter the A to Z list as the reader types. */
    function enhanceGlossaryFilter() {
        var wrapper = document.querySelector("[data-glossary-filter]");
        if (!wrapper) { return; }
        var input = wrapper.querySelector("input");
        var status = wrapper.querySelector("[role=status]");
        var groups = document.querySelectorAll("[data-glossary-group]");
        wrapper.hidden = false;
        input.addEventListener("input", function () {
            var needle = input.value.trim().toLowerCase();
            var shown = 0;
            groups.forEach(function (group) {
                var visibleInGroup = 0;
                group.querySelectorAll("[data-glossary-term]").forEach(function (item) {
                    var match = !needle || item.dataset.glossaryTerm.indexOf(needle) !== -1 ||
                        item.textContent.toLowerCase().indexOf(needle) !== -1;
                    item.hidden = !match;
                    if (match) { visibleInGroup += 1; }
                });
                group.hidden = visibleInGroup === 0;
                shown += visibleInGroup;
            });
            status.textContent = needle ? shown + (shown === 1 ? " term matches" : " terms match") : "";
            followFilterInAToZ();
        });
    }

    /* The A to Z strip follows the filter: a letter whose section the filter hid is no link (as a letter with
       no terms), so it cannot lead to a hidden section (browser walk). */
    function followFilterInAToZ() {
        document.querySelectorAll(".az-nav a[href^='#letter-'], .az-nav a[data-letter]").forEach(function (link) {
            if (!link.dataset.letter) { link.dataset.letter = link.getAttribute("href").slice(1); }
            var section = document.getElementById(link.dataset.letter);
            if (section && section.hidden) {
                link.removeAttribute("href");
                link.setAttribute("aria-disabled", "true");
                link.classList.add("az-nav__empty");
            } else {
                link.setAttribute("href", "#" + link.dataset.letter);
                link.removeAttribute("aria-disabled");
                link.classList.remove("az-nav__empty");
            }
        });
    }

    /* Citation forms: copy buttons. */
    function enhanceCopyButtons() {
        var status = document.querySelector("[data-copy-status]");
        document.querySelectorAll("[data-copy]").forEach(function (button) {
            if (!navigator.clipboard) { return; }
            button.hidden = false;
            button.addEventListener("click", function () {
                var source = document.getElementById(button.dataset.copy);
                navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                    if (status) { status.textContent = "Citation copied to the clipboard."; }
                }, function () {
                    if (status) { status.textContent = "Could not copy: select the citation text and copy it."; }
                });
            });
        });
    }

    /* Phones: the "Menu" button discloses the main navigation (the CSS collapses it only once this has run). */
    function enhanceMenu() {
        var button = document.querySelector(".menu-button[aria-controls]");
        var header = document.querySelector(".site-header");
        var nav = button && document.getElementById(button.getAttribute("aria-controls"));
        if (!nav || !header) { return; }
        function setOpen(open) {
            button.setAttribute("aria-expanded", String(open));
            nav.classList.toggle("main-nav--open", open);
        }
        button.hidden = false;
        header.classList.add("site-header--menu");
        button.addEventListener("click", function () { setOpen(button.getAttribute("aria-expanded") !== "true"); });
        header.addEventListener("keydown", function (event) {  /* from the button and the search box too */
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent !== null) {
                setOpen(false);
                button.focus();
            }
        });
    }

    /* Search filters: a disclosure on phones, always open beside the results on wide screens (the CSS does it
       with ::details-content; this is for browsers without it). */
    function openFiltersOnWideScreens() {
        var filters = document.querySelector("details[data-filters]");
        if (filters && window.matchMedia("(min-width: 60rem)").matches) { filters.open = true; }
    }

    /* Wide tables: a line of text before the scrolling region says the table scrolls sideways, shown only
       while it really overflows (on a phone, not on a wide screen); without this the CSS shadow is the cue. */
    function enhanceWideTables() {
        document.querySelectorAll(".table-wrap[role=region]").forEach(function (region, index) {
            var hint = document.createElement("p");
            hint.className = "table-hint";
            hint.id = "table-hint-" + (index + 1);
            hint.textContent = "Scroll sideways to see the whole table";
            hint.hidden = true;
            region.insertAdjacentElement("beforebegin", hint);
            function update() {
                var overflows = region.scrollWidth > region.clientWidth + 1;
                if (hint.hidden !== !overflows) { hint.hidden = !overflows; }
                if (overflows) { region.setAttribute("aria-describedby", hint.id); } else { region.removeAttribute("aria-describedby"); }
            }
            update();
            if ("ResizeObserver" in window) {
                var observer = new ResizeObserver(update);
                observer.observe(region);
                if (region.firstElementChild) { observer.observe(region.firstElementChild); }
            } else {
                window.addEventListener("resize", update);
            }
        });
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
        });
    }

    function init() {
        enhanceMenu();
        openFiltersOnWideScreens();
        enhanceGlossaryTerms();
        enhanceGlossaryFilter();
        enhanceCopyButtons();
        enhanceWideTables();
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* Forms with errors: move focus to the error summary so keyboard and screen reader users hear it first.
   Otherwise a messages banner (the outcome of what the reader just did: "Your alerts have been saved") gets
   the focus, as GOV.UK's notification banner does: a live region already there at page load is announced
   by only some screen readers, a focused one by all. Not when the reader was sent to a section of the page
   ("/members/#alerts" after saving alerts): focusing the banner would scroll them away from it, and the
   browser already starts keyboard navigation there. */
(function () {
    "use strict";
    function sentToASection() {
        var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
        return id !== "" && document.getElementById(id) !== null;
    }
    function focusErrorSummaryOrMessages() {
        var summary = document.querySelector("[data-error-summary]");
        var target = summary || (sentToASection() ? null : document.querySelector("[data-messages]"));
        if (target) { target.focus(); }
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", focusErrorSummaryOrMessages); } else { focusErrorSummaryOrMessages(); }
})();

/* Search suggestions: an ARIA 1.2 combobox over the plain search form (which works without it). */
(function () {
    "use strict";
    var counter = 0;

    function enhance(container) {
        var input = container.querySelector("input[type=search]");
        if (!input) { return; }
        counter += 1;
        var listId = "search-suggestions-" + counter;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        container.appendChild(list);
        container.appendChild(status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        var options = [];
        var active = -1;
        var timer = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            options.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === index)); });
            active = index;
            if (index >= 0) { input.setAttribute("aria-activedescendant", options[index].id); } else { input.removeAttribute("aria-activedescendant"); }
        }

        function render(suggestions) {
            list.innerHTML = "";
            options = suggestions.map(function (suggestion, i) {
                var item = document.createElement("li");
                item.id = listId + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.dataset.url = suggestion.url;
                var title = document.createElement("span");
                title.textContent = suggestion.title;
                var kind = document.createElement("span");
                kind.className = "suggestions__kind";
                // A locked item (a page for members of another tier) says so in words, not by colour alone.
                kind.textContent = suggestion.locked ? suggestion.kind + " · " + suggestion.lock : suggestion.kind;
                item.appendChild(title);
                item.appendChild(kind);
                item.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = suggestion.url; });
                list.appendChild(item);
                return item;
            });
            var open = options.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", String(open));
            status.textContent = open ? options.length + (options.length === 1 ? " suggestion" : " suggestions") + ", use the arrow keys to choose" : "";
            active = -1;
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) { return; }
            lastQuery = query;
            if (query.length < 2) { render([]); return; }
            fetch(container.dataset.autocomplete + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (data.query === input.value.trim()) { render(data.suggestions || []); } })
                .catch(function () { render([]); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, 150);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && options.length) {
                event.preventDefault();
                if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
                highlight((active + 1) % options.length);
            } else if (event.key === "ArrowUp" && options.length) {
                event.preventDefault();
                highlight(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.href = options[active].dataset.url;
            } else if (event.key === "Escape") {
                if (!list.hidden) { event.preventDefault(); close(); }
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    }

    function init() { document.querySelectorAll("[data-autocomplete]").forEach(enhance); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
