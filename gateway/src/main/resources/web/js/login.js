'use strict';
(() => {
  const form = document.getElementById('sign-in');
  const error = document.getElementById('sign-in-error');

  /** Only paths on this site, never another site's address. */
  function nextPage(home) {
    const next = new URLSearchParams(location.search).get('next');
    return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : home;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const me = await IW.api('POST', '/api/session', {
        name: document.getElementById('name').value.trim(),
        password: document.getElementById('password').value
      });
      location.href = nextPage(me.home);
    } catch (e) {
      error.textContent = e.status === 401 ? 'Wrong name or password.' : 'Sign-in failed: ' + e.message;
      error.hidden = false;
      document.getElementById('password').select();
    }
  });
})();
