/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A bare libadwaita window of the same size as Plan Monitor's, with one
 * Chinese label, launched the same way: it prints "first-frame <µs>" when
 * its first frame is painted and quits. bench-first-frame shows it beside
 * the bare GTK 4 window: what libadwaita and a line of Chinese text cost
 * before an application does anything of its own. */
#include "config.h"

#include <adwaita.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, application);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (application);
}

static void
map_cb (GtkWidget    *window,
        GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb),
                    application);
}

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("云阳县妇女发展规划（2021—2030年）"));
  g_signal_connect (window, "map", G_CALLBACK (map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) application =
    adw_application_new ("io.github.planmonitor.BareAdwWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
