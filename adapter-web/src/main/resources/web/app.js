// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
    // A dialog the server rendered open becomes modal: focus moves into it and Escape closes it.
    const dialog = document.getElementById("secret-dialog");
    if (dialog && dialog.open && dialog.showModal) {
        dialog.close();
        dialog.showModal();
        document.getElementById("secret-value").focus();
    }

    document.querySelectorAll("button.copy").forEach((button) => {
        button.addEventListener("click", async () => {
            const field = document.getElementById(button.dataset.copy);
            const status = button.closest("dialog").querySelector(".copy-status");
            field.select();
            try {
                await navigator.clipboard.writeText(field.value);
                status.textContent = "Copied to the clipboard.";
            } catch (e) {
                // Clipboard access can be refused (plain http, browser settings); the text is selected instead.
                status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
            }
        });
    });

    // With script, the preview follows typing, so the button that refreshes it by reloading the page can go.
    document.querySelectorAll(".no-js-only").forEach((element) => element.hidden = true);
});
