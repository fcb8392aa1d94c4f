import { createBrowserRouter } from 'react-router';
import { ComplaintsPage } from '../screens/complaints/ComplaintsPage';
import { ComplaintTrackPage } from '../screens/complaints/ComplaintTrackPage';
import { HomeScreen } from '../screens/home/HomeScreen';
import { BookingPage } from '../screens/portal/BookingPage';
import { BookingView } from '../screens/portal/BookingView';
import { PortalAgencies } from '../screens/portal/PortalAgencies';
import { PortalHome } from '../screens/portal/PortalHome';
import { PortalLayout } from '../screens/portal/PortalLayout';
import { PortalService } from '../screens/portal/PortalService';
import { TicketPage } from '../screens/portal/TicketPage';
import { TrackPage } from '../screens/portal/TrackPage';
import { SurveyPage } from '../screens/survey/SurveyPage';
import { MallLayout } from './MallLayout';
import { Loading, NotFound } from './NotFound';

/** The public portal is in the main bundle (phones); kiosk, display, counter and admin load on demand. */
export const router = createBrowserRouter([
  { path: '/', element: <HomeScreen /> },
  {
    path: '/verify/:code',
    lazy: async () => ({ Component: (await import('../screens/portal/VerifyPage')).VerifyPage }),
  },
  {
    path: '/:mall',
    element: <MallLayout />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHome /> },
          { path: 'services/:serviceId', element: <PortalService /> },
          { path: 'agencies', element: <PortalAgencies /> },
          { path: 'ticket/:code', element: <TicketPage /> },
          { path: 'booking', element: <BookingPage /> },
          { path: 'booking/find', element: <BookingView /> },
          { path: 'booking/:code', element: <BookingView /> },
          { path: 'survey', element: <SurveyPage /> },
          { path: 'complaints', element: <ComplaintsPage /> },
          { path: 'complaints/:code', element: <ComplaintTrackPage /> },
          { path: 'track', element: <TrackPage /> },
          { path: 'track/:code', element: <TrackPage /> },
        ],
      },
      {
        path: 'survey/tablet',
        lazy: async () => ({ Component: (await import('../screens/survey/SurveyTablet')).SurveyTablet }),
      },
      {
        path: 'kiosk',
        lazy: async () => ({ Component: (await import('../screens/kiosk/KioskScreen')).KioskScreen }),
      },
      {
        path: 'display',
        lazy: async () => ({ Component: (await import('../screens/display/DisplayScreen')).DisplayScreen }),
      },
      {
        path: 'counter',
        lazy: async () => ({ Component: (await import('../screens/counter/CounterScreen')).CounterScreen }),
      },
      {
        path: 'desk',
        lazy: async () => ({ Component: (await import('../screens/backoffice/DeskScreen')).DeskScreen }),
      },
      {
        path: 'receipt/:id',
        lazy: async () => ({ Component: (await import('../screens/backoffice/ReceiptPage')).ReceiptPage }),
      },
      {
        path: 'admin/*',
        lazy: async () => ({ Component: (await import('../screens/admin/AdminScreen')).AdminScreen }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
