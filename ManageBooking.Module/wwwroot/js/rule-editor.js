// The rule editor's live preview. Each task's Preview button posts the editor's form into that task's sandboxed frame,
// which works without script; this script presses it for the owner as they type, after a short pause. Each preview
// loads into a fresh frame that takes the shown one's place once it has loaded: the preview never blanks while the
// next one renders, and the browser's Back button is not filled with previews (a frame's first, blank page is replaced,
// not remembered). Previews go one at a time: a form submitted again before its last submission started navigating
// cancels that one.
(() => {
  'use strict';
  const form = document.querySelector('form.mb-rule-form');
  if (!form) {
    return;
  }

  const pause = 500;
  const slowest = 15000;
  const timers = new WeakMap();
  const waiting = new Set();
  let queue = Promise.resolve();
  let frames = 0;

  const render = (task) => new Promise((done) => {
    waiting.delete(task);
    const button = task.querySelector('.mb-preview__button');
    const shown = task.querySelector('iframe.mb-preview__frame:not([data-loading])');
    if (!task.isConnected || !button || !shown) {
      done();
      return;
    }

    task.querySelectorAll('iframe.mb-preview__frame[data-loading]').forEach((stale) => stale.remove());
    const next = document.createElement('iframe');
    next.className = shown.className;
    next.setAttribute('sandbox', '');
    next.title = shown.title;
    frames += 1;
    next.name = `${button.getAttribute('formtarget')}-${frames}`;
    next.dataset.loading = '';
    next.hidden = true;
    let armed = false;
    const gaveUp = setTimeout(done, slowest);
    next.addEventListener('load', () => {
      // The blank page a new frame starts with loads too, before the preview is asked for: not a preview yet.
      if (!armed || !next.isConnected) {
        return;
      }

      clearTimeout(gaveUp);
      delete next.dataset.loading;
      next.hidden = false;
      shown.remove();
      done();
    });
    shown.after(next);
    setTimeout(() => {
      armed = true;
      button.formTarget = next.name;
      form.requestSubmit(button);
    }, 0);
  });

  const preview = (task) => {
    if (!waiting.has(task)) {
      waiting.add(task);
      queue = queue.then(() => render(task));
    }
  };

  const later = (task) => {
    clearTimeout(timers.get(task));
    timers.set(task, setTimeout(() => preview(task), pause));
  };

  const tasks = () => form.querySelectorAll('.mb-rule-task');

  const changed = (event) => {
    const task = event.target.closest('.mb-rule-task');
    if (task) {
      later(task);
    } else if (event.target.name === 'BookingPageId' || event.target.name === 'Event') {
      tasks().forEach(later);
    }
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('click', (event) => {
    const button = event.target.closest('.mb-preview__button');
    if (button) {
      event.preventDefault();
      preview(button.closest('.mb-rule-task'));
    }
  });
  tasks().forEach(preview);
})();
