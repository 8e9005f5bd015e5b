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

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
        });
    }

    function init() {
        enhanceGlossaryTerms();
        enhanceGlossaryFilter();
        enhanceCopyButtons();
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* Forms with errors: move focus to the error summary so keyboard and screen reader users hear it first. */
(function () {
    "use strict";
    function focusErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (summary) { summary.focus(); }
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", focusErrorSummary); } else { focusErrorSummary(); }
})();
