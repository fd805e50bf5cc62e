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

// "Use my location" on the proposal form: fills the latitude and longitude from the browser's geolocation when the
// person presses it. Without JavaScript or geolocation the button stays hidden and the coordinates are typed.
(() => {
    const button = document.getElementById("use-my-location");
    const place = button && button.closest("fieldset");
    const status = document.getElementById("use-my-location-status");
    const latitude = document.querySelector("[name='Input.Latitude']");
    const longitude = document.querySelector("[name='Input.Longitude']");
    if (!button || !place || !status || !latitude || !longitude || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", () => {
        status.textContent = place.dataset.locating;
        button.disabled = true;
        navigator.geolocation.getCurrentPosition(position => {
            latitude.value = position.coords.latitude.toFixed(5);
            longitude.value = position.coords.longitude.toFixed(5);
            status.textContent = place.dataset.located;
            button.disabled = false;
        }, () => {
            status.textContent = place.dataset.notLocated;
            button.disabled = false;
        }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
    });
})();
