/** placeholder */ package dev.beak.io;
