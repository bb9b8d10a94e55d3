/*
 * The repairs chat widget. A website includes it with one line (see the README):
 *   <script src="https://BOT-HOST/widget.js" data-title="Report a repair" defer></script>
 * It adds a launcher button; the button opens a panel with Bot Framework Web Chat (its own bundle, served by the bot
 * server at /webchat/webchat.js) talking to the bot through Direct Line.
 * Options (data-* on the script tag): data-title, data-token-url (where to get a Direct Line token: in production
 * the bot server's /api/directline/token, whose answer names the Direct Line domain; default the bot server's local
 * Direct Line), data-domain (the Direct Line base URL when the token answer does not name one), data-identity-token
 * (a short-lived token the housing website signed for its logged-in tenant; it can also be given later with
 * RepairsChatWidget.setIdentityToken(token) before the chat opens). The identity token goes with every message in
 * channelData.identityToken, so the bot can skip the questions that find the tenant's home.
 */
/* global window, document, URL, fetch, setTimeout */
(function () {
  'use strict';
  if (window.RepairsChatWidget) return;

  var script = document.currentScript;
  var botOrigin = new URL(script && script.src ? script.src : window.location.href).origin;
  var data = (script && script.dataset) || {};
  var title = data.title || 'Report a repair';
  var domain = data.domain || botOrigin + '/v3/directline';
  var tokenUrl = data.tokenUrl || domain + '/tokens/generate';
  // Local Direct Line makes up the user; a production token already names its own dl_ user.
  var localDirectLine = !data.tokenUrl;
  var identityToken = data.identityToken || null;
  // A page with a content security policy gives this script a nonce; Web Chat puts it on the <style> elements it
  // adds, so the page needs no 'unsafe-inline' for styles.
  var nonce = (script && script.nonce) || undefined;

  var styleOptions = {
    accent: '#1d70b8',
    primaryFont: 'Arial, Helvetica, sans-serif',
    fontSizeSmall: '80%',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f3f2f1',
    bubbleBorderColor: '#b1b4b6',
    bubbleBorderRadius: 4,
    bubbleTextColor: '#0b0c0c',
    bubbleFromUserBackground: '#1d70b8',
    bubbleFromUserBorderColor: '#1d70b8',
    bubbleFromUserBorderRadius: 4,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMinHeight: 0,
    subtle: '#505a5f',
    timestampColor: '#505a5f',
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#0b0c0c',
    sendBoxButtonColor: '#1d70b8',
    sendBoxButtonColorOnHover: '#003078',
    sendBoxBorderTop: 'solid 2px #0b0c0c',
    sendBoxPlaceholderColor: '#505a5f',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d70b8',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 4,
    suggestedActionTextColor: '#1d70b8',
    suggestedActionLayout: 'flow',
    suggestedActionHeight: 'auto',
    transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptVisualKeyboardIndicatorWidth: 3,
    hideUploadButton: true,
    botAvatarInitials: 'EH',
  };

  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = botOrigin + '/widget.css';
  document.head.appendChild(link);

  var root = document.createElement('div');
  root.className = 'rcw';

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'rcw-launcher';
  launcher.id = 'rcw-launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'rcw-panel');
  launcher.textContent = title;

  var panel = document.createElement('section');
  panel.className = 'rcw-panel';
  panel.id = 'rcw-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'rcw-title');
  panel.hidden = true;

  var header = document.createElement('div');
  header.className = 'rcw-header';
  var heading = document.createElement('h2');
  heading.id = 'rcw-title';
  heading.className = 'rcw-title';
  heading.tabIndex = -1;
  heading.textContent = title;
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'rcw-close';
  close.setAttribute('aria-label', 'Close the chat');
  close.textContent = 'Close';
  header.appendChild(heading);
  header.appendChild(close);

  var help = document.createElement('p');
  help.className = 'rcw-help';
  help.id = 'rcw-help';
  help.textContent = 'Chat with our repairs assistant. Press Escape to close; your conversation is kept.';
  panel.setAttribute('aria-describedby', 'rcw-help');

  var status = document.createElement('p');
  status.className = 'rcw-status';
  status.setAttribute('role', 'status');

  var chat = document.createElement('div');
  chat.className = 'rcw-chat';

  panel.appendChild(header);
  panel.appendChild(help);
  panel.appendChild(status);
  panel.appendChild(chat);
  root.appendChild(panel);
  root.appendChild(launcher);

  var started = null;

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve(window.WebChat);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = botOrigin + '/webchat/webchat.js';
      if (nonce) tag.nonce = nonce;
      tag.async = true;
      tag.onload = function () {
        resolve(window.WebChat);
      };
      tag.onerror = function () {
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(tag);
    });
  }

  function getToken() {
    return fetch(tokenUrl, { method: 'POST', credentials: 'omit' }).then(function (response) {
      if (!response.ok) throw new Error('no token: ' + response.status);
      return response.json();
    });
  }

  function focusSendBox() {
    var input = chat.querySelector('input[type="text"], textarea');
    if (input) input.focus();
    else heading.focus();
  }

  function startChat() {
    if (started) return started;
    status.textContent = 'Connecting…';
    started = Promise.all([loadWebChat(), getToken()])
      .then(function (results) {
        var WebChat = results[0];
        var session = results[1];
        var directLine = WebChat.createDirectLine({
          token: session.token,
          domain: session.domain || domain,
          webSocket: false,
        });
        // Every message the tenant sends carries the website's identity token, when there is one.
        var store = WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              if (identityToken && action.type === 'DIRECT_LINE/POST_ACTIVITY') {
                var activity = action.payload.activity;
                var channelData = Object.assign({}, activity.channelData, { identityToken: identityToken });
                action = Object.assign({}, action, {
                  payload: Object.assign({}, action.payload, {
                    activity: Object.assign({}, activity, { channelData: channelData }),
                  }),
                });
              }
              return next(action);
            };
          };
        });
        var options = {
          directLine: directLine,
          store: store,
          locale: 'en-GB',
          nonce: nonce,
          styleOptions: styleOptions,
          username: 'You',
        };
        if (localDirectLine) options.userID = 'user-' + session.conversationId;
        WebChat.renderWebChat(options, chat);
        status.textContent = '';
      })
      .catch(function () {
        started = null;
        status.textContent = 'Sorry, the chat is not available just now. Please call us on 0306 999 0123.';
      });
    return started;
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    root.classList.add('rcw-open');
    heading.focus();
    startChat().then(function () {
      // Give Web Chat a moment to draw its send box, then put the tenant where they type.
      setTimeout(function () {
        if (!panel.hidden && panel.contains(document.activeElement)) focusSendBox();
      }, 50);
    });
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    root.classList.remove('rcw-open');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else closePanel();
  });
  close.addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.stopPropagation();
      closePanel();
    }
  });

  function mount() {
    document.body.appendChild(root);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  function setIdentityToken(token) {
    identityToken = typeof token === 'string' && token ? token : null;
  }

  window.RepairsChatWidget = { open: open, close: closePanel, setIdentityToken: setIdentityToken };
})();
