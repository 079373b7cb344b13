/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A bare GTK 4 window of the same size as Plan Monitor's, launched the same
 * way: it prints "first-frame <µs>" when its first frame is painted and
 * quits. The yardstick of bench-first-frame. */
#include "config.h"

#include <gtk/gtk.h>

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
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  g_signal_connect (window, "map", G_CALLBACK (map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GtkApplication) application =
    gtk_application_new ("io.github.planmonitor.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
