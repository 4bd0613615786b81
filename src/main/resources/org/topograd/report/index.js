(function () {
  var table = document.getElementById('students');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    th.querySelector('button').addEventListener('click', function () {
      var up = th.getAttribute('aria-sort') !== 'ascending';
      var numeric = th.getAttribute('data-sort') === 'number';
      var before = Array.prototype.slice.call(body.rows);
      var sorted = before.map(function (row, i) { return {row: row, i: i}; });
      sorted.sort(function (a, b) {
        var x = a.row.cells[column].textContent, y = b.row.cells[column].textContent;
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return (up ? order : -order) || a.i - b.i;
      });
      sorted.forEach(function (entry) { body.appendChild(entry.row); });
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
    });
  });
  var filter = document.getElementById('filter');
  var status = document.getElementById('status-filter');
  var shown = document.getElementById('shown');
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var keep = row.textContent.toLowerCase().indexOf(text) >= 0
          && (status.value === '' || row.getAttribute('data-status') === status.value);
      row.hidden = !keep;
      count += keep ? 1 : 0;
    });
    shown.textContent = count + ' of ' + rows.length + ' shown';
  }
  filter.addEventListener('input', apply);
  status.addEventListener('change', apply);
  apply();
})();
