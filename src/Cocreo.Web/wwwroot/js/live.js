// Live updates (Platform/Live): every element with data-live-topic="kind:id" is watched over SignalR. When an
// update arrives the element receives a "cocreo:live" event ({ topic, payload }); the capability's own script decides
// what to refresh. The element's data-live-state says "connected", "reconnecting" or "offline", so a page can say
// whether what it shows is live. Without JavaScript, or if the connection fails, pages still show what was true when
// they were loaded.
(function () {
    'use strict';
    const script = document.currentScript;
    const elements = Array.from(document.querySelectorAll('[data-live-topic]'));
    if (elements.length === 0 || !window.signalR || !script) {
        return;
    }
    const topics = Array.from(new Set(elements.map(e => e.dataset.liveTopic)));
    const connection = new window.signalR.HubConnectionBuilder()
        .withUrl(script.dataset.hub || '/live')
        .withAutomaticReconnect([0, 2000, 5000, 10000, 30000, 60000])
        .configureLogging(window.signalR.LogLevel.None)
        .build();
    const state = value => elements.forEach(e => { e.dataset.liveState = value; });
    const send = (name, detail) => elements.forEach(e => e.dispatchEvent(new CustomEvent(name, { detail })));
    const watch = () => Promise.all(topics.map(topic => connection.invoke('Watch', topic)));

    connection.on('changed', (topic, payload) => {
        elements.filter(e => e.dataset.liveTopic === topic)
            .forEach(e => e.dispatchEvent(new CustomEvent('cocreo:live', { detail: { topic, payload } })));
    });
    connection.onreconnecting(() => state('reconnecting'));
    connection.onreconnected(() => watch().then(() => {
        state('connected');
        // Updates sent while the page was disconnected were missed: let the page catch up.
        send('cocreo:live-reconnected', {});
    }));
    connection.onclose(() => state('offline'));
    connection.start().then(watch).then(() => state('connected')).catch(() => state('offline'));
})();
