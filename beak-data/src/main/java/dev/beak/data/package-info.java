/** placeholder */ package dev.beak.data;
