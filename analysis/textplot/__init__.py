"""Plot functions: each takes tidy tables from the compute functions and returns a
matplotlib Figure of one of the fixed sizes (save it with :func:`analysis.output.figure_save`).
"""

from analysis.textplot.corpus import *  # noqa: F403
from analysis.textplot.frames import *  # noqa: F403
from analysis.textplot.networks import *  # noqa: F403
from analysis.textplot.quotes import *  # noqa: F403
from analysis.textplot.sentiment import *  # noqa: F403
from analysis.textplot.timeline import *  # noqa: F403
from analysis.textplot.validation import *  # noqa: F403
from analysis.textplot.vocabulary import *  # noqa: F403
