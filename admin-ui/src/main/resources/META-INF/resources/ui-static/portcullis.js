// Every htmx request carries the session's CSRF token in a header (forms also carry it as a field).
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content'); }
});
