// While a resident types a proposal's title, show the process's proposals like it (the form works without this:
// its "Check for similar proposals" button reloads the page with them).
(() => {
    const form = document.querySelector("form[data-similar]");
    const title = form && form.querySelector("[name='Input.Title']");
    const section = document.getElementById("similar-proposals");
    if (!form || !title || !section) return;
    const list = section.querySelector("ul");
    let timer = 0;
    let asked = "";
    title.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const text = title.value.trim();
            if (text.length < 4 || text === asked) return;
            asked = text;
            const response = await fetch(form.dataset.similar + "?title=" + encodeURIComponent(text), { headers: { Accept: "application/json" } });
            if (!response.ok) return;
            const found = await response.json();
            list.replaceChildren(...found.map(p => {
                const item = document.createElement("li");
                const link = document.createElement("a");
                link.href = p.link;
                link.textContent = p.title;
                item.append(link);
                return item;
            }));
            section.classList.toggle("hidden", found.length === 0);
        }, 400);
    });
})();
