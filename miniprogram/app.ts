import { session } from './utils/api';

/**
 * Gongyou (工友): join the union, report unpaid wages, book legal aid.
 * The app signs in at launch so the first page opens quickly; each page
 * signs in again by itself if this has not finished or failed.
 */
App({
  onLaunch() {
    session().catch(() => {
      // The page that needs it shows the reason and a retry.
    });
  },
});
