// Draws every chart of the page from the JSON option beside it, and makes tables sortable.
// Functions cannot travel in JSON, so the two formatters the options ask for by name live here.
(function () {
  'use strict';

  // A value on HdrHistogram's percentile axis is 1/(1-p): 10 is 90%, 1000 is 99.9%.
  function percentileLabel(v) {
    if (v <= 1) { return '0%'; }
    var p = 100 * (1 - 1 / v);
    return (Math.round(p * 10000) / 10000) + '%';
  }

  function applyNamedFormatters(option) {
    [].concat(option.xAxis || []).forEach(function (axis) {
      if (axis.percentileAxis) {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.formatter = percentileLabel;
        option.tooltip = option.tooltip || {};
        option.tooltip.formatter = function (params) {
          var list = [].concat(params);
          var lines = list.map(function (s) {
            // A tooltip is HTML: the series name comes from a run's files, so it is escaped.
            return s.marker + echarts.format.encodeHTML(s.seriesName) + ': ' + s.value[1] + ' us at '
                + percentileLabel(s.value[0]);
          });
          return lines.join('<br>');
        };
      }
    });
  }

  function drawCharts() {
    document.querySelectorAll('script.chart-option').forEach(function (script) {
      var element = document.getElementById(script.getAttribute('data-chart'));
      var option = JSON.parse(script.textContent);
      applyNamedFormatters(option);
      // SVG, not canvas: a saved or printed page keeps sharp charts, and a test can count paths.
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute('data-order') !== 'asc';
    table.querySelectorAll('th').forEach(function (th) { th.removeAttribute('data-order'); });
    header.setAttribute('data-order', ascending ? 'asc' : 'desc');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-sort') || a.cells[column].textContent;
      var y = b.cells[column].getAttribute('data-sort') || b.cells[column].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function makeSortable() {
    document.querySelectorAll('table.sortable').forEach(function (table) {
      table.querySelectorAll('th').forEach(function (th, i) {
        th.classList.add('sortable');
        th.addEventListener('click', function () { sortBy(table, i, th); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    makeSortable();
    drawCharts();
  });
})();
